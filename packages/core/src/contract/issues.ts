import { z } from "zod";

/**
 * The stable code of a validation issue, for clients to put in the reader's language; the
 * English `message` beside it is for developers only.
 */
export const IssueCode = z.enum([
  "required",
  "too-long",
  "too-short",
  "too-big",
  "too-small",
  "not-above",
  "too-many",
  "too-few",
  "not-integer",
  "not-number",
  "invalid-url",
  "invalid-email",
  "invalid-format",
  "invalid-option",
  "unknown-field",
  "control-characters",
  "invalid",
]);
/** The stable code of a validation issue. */
export type IssueCode = z.infer<typeof IssueCode>;

/** The parameters a code's message needs, e.g. `{ max: 4000 }` for `too-long`. */
export type IssueParams = Readonly<Record<string, string | number>>;

/** A validation issue as code and parameters, at a dotted path. */
export interface DescribedIssue {
  path: string;
  code: IssueCode;
  params: IssueParams;
}

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

/**
 * Turns one zod issue into a code and parameters (never an English sentence): bounds become
 * `too-long { max }`, `too-small { min }` and so on; a refinement names its code in `params.code`
 * (`refine(fn, { params: { code: "control-characters" } })`), anything else is `invalid`.
 * @example
 * describeIssue(Need.safeParse({ ... }).error.issues[0]); // { path: "description", code: "too-long", params: { max: 2000 } }
 */
export function describeIssue(issue: z.core.$ZodIssue): DescribedIssue {
  const path = issue.path.map(String).join(".");
  const as = (code: IssueCode, params: IssueParams = {}): DescribedIssue => ({
    path,
    code,
    params,
  });
  switch (issue.code) {
    case "too_big": {
      const max = num(issue.maximum);
      if (issue.origin === "string") return as("too-long", { max });
      if (issue.origin === "array" || issue.origin === "set") return as("too-many", { max });
      return as("too-big", { max });
    }
    case "too_small": {
      const min = num(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? as("required") : as("too-short", { min });
      if (issue.origin === "array" || issue.origin === "set") return as("too-few", { min });
      // `positive()` and `gt(n)`: n itself is not allowed, so "n or more" would be wrong.
      return issue.inclusive === false ? as("not-above", { min }) : as("too-small", { min });
    }
    case "invalid_type":
      if (issue.expected === "int") return as("not-integer");
      if (issue.expected === "number") return as("not-number");
      return as(issue.input === undefined ? "required" : "invalid");
    case "invalid_format":
      if (issue.format === "url") return as("invalid-url");
      if (issue.format === "email") return as("invalid-email");
      return as("invalid-format");
    case "invalid_value":
      return as("invalid-option");
    case "unrecognized_keys":
      return as("unknown-field", { keys: issue.keys.join(", ") });
    case "custom": {
      const code = IssueCode.safeParse(issue.params?.code);
      return as(code.success ? code.data : "invalid");
    }
    default:
      return as("invalid");
  }
}
