import { type DescribedIssue, describeIssue, IssueCode } from "@pobratym/core";
import type { z } from "zod";
import { useI18n } from "../i18n";
import type { FieldError } from "./api-client";

/** A validation issue as the dashboard words it: core's code and parameters. */
export type Issue = Pick<DescribedIssue, "code" | "params">;

/** The issues of a failed core-schema parse, keyed by dotted path (the first issue per path). */
export function issuesByPath(error: z.ZodError): Map<string, Issue> {
  const map = new Map<string, Issue>();
  for (const issue of error.issues) {
    const { path, code, params } = describeIssue(issue);
    if (!map.has(path)) map.set(path, { code, params });
  }
  return map;
}

/** The API's field errors (400) as issues keyed by path, without the `json.` request prefix. */
export function apiIssuesByPath(errors: readonly FieldError[]): Map<string, Issue> {
  const map = new Map<string, Issue>();
  for (const e of errors) {
    const path = e.path.replace(/^json\.?/, "");
    const code = IssueCode.safeParse(e.code);
    if (!map.has(path))
      map.set(path, { code: code.success ? code.data : "invalid", params: e.params ?? {} });
  }
  return map;
}

/** Puts an issue in the reader's language. */
export function useIssueText(): (issue: Issue | undefined) => string | undefined {
  const { t, formatNumber } = useI18n();
  return (issue) => {
    if (!issue) return undefined;
    const params = Object.fromEntries(
      Object.entries(issue.params).map(([k, v]) => [
        k,
        typeof v === "number" ? formatNumber(v) : v,
      ]),
    );
    return t(`issue.${issue.code}`, params);
  };
}
