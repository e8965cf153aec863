import type { Problem } from "@pobratym/core";
import { CoreError, describeIssue, IllegalTransitionError } from "@pobratym/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { isConnectionError } from "./db/connection-errors";
import type { AppEnv } from "./deps";

/** Stable machine-readable error codes of the API; clients branch on these, never on titles. */
export type ApiErrorCode =
  | "bad-request"
  | "validation-failed"
  | "invalid-cursor"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "method-not-allowed"
  | "conflict"
  | "precondition-failed"
  | "precondition-required"
  | "payload-too-large"
  | "unsupported-media-type"
  | "illegal-transition"
  | "invalid-credentials"
  | "invalid-invite"
  | "too-many-requests"
  | "unprocessable"
  | "questionnaire-mismatch"
  | "idempotency-key-invalid"
  | "idempotency-key-in-use"
  | "idempotency-key-reused"
  | "service-unavailable"
  | "internal";

type FieldError = NonNullable<Problem["errors"]>[number];

/** Base of the typed errors services throw; one handler turns them into problem documents. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldError[],
    readonly extra: Partial<Pick<Problem, "allowed" | "existingId">> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequestError extends ApiError {
  constructor(detail?: string) {
    super(400, "bad-request", "Bad request", detail);
  }
}
export class ValidationError extends ApiError {
  constructor(errors: FieldError[], detail = "The request did not pass validation.") {
    super(400, "validation-failed", "Validation failed", detail, errors);
  }
  static fromZod(error: ZodError, prefix = ""): ValidationError {
    // `code` and `params` are core's describeIssue: what a client words in its reader's language.
    return new ValidationError(
      error.issues.map((i) => {
        const { code, params } = describeIssue(i);
        return {
          path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
          message: i.message,
          code,
          ...(Object.keys(params).length > 0 ? { params } : {}),
        };
      }),
    );
  }
}
export class InvalidCursorError extends ApiError {
  constructor() {
    super(
      400,
      "invalid-cursor",
      "Invalid cursor",
      "The cursor is not one this API issued; start again without it.",
    );
  }
}
export class UnauthorizedError extends ApiError {
  constructor(detail = "Sign in to do this.") {
    super(401, "unauthorized", "Unauthorized", detail);
  }
}
export class ForbiddenError extends ApiError {
  constructor(detail = "You may not do this.") {
    super(403, "forbidden", "Forbidden", detail);
  }
}
export class NotFoundError extends ApiError {
  constructor(entity: string, id?: string) {
    super(
      404,
      "not-found",
      "Not found",
      id === undefined ? `No such ${entity}.` : `No ${entity} with id "${id}".`,
    );
  }
}
export class ConflictError extends ApiError {
  constructor(detail: string) {
    super(409, "conflict", "Conflict", detail);
  }
}
/** The same kind of agreement between the same pair is already open; `existingId` names it. */
export class DuplicatePartnershipError extends ApiError {
  constructor(readonly existingId: string) {
    super(
      409,
      "conflict",
      "Conflict",
      `A partnership of this type between these municipalities is already open: ${existingId}.`,
      undefined,
      { existingId },
    );
  }
}
export class UnprocessableError extends ApiError {
  constructor(detail: string, errors?: FieldError[]) {
    super(422, "unprocessable", "Unprocessable content", detail, errors);
  }
}
/**
 * A questionnaire's typed municipality is not the catalogue row it would be approved into; each
 * field error's `code` says which part differs (country, official-code, name, kind).
 */
export class QuestionnaireMismatchError extends ApiError {
  constructor(municipalityId: string, reasons: readonly string[]) {
    super(
      422,
      "questionnaire-mismatch",
      "Questionnaire does not match the catalogue",
      `The answers do not name "${municipalityId}" (${reasons.join(", ")}); choose the municipality explicitly to approve.`,
      reasons.map((r) => ({
        path:
          r === "kind"
            ? "municipality"
            : `municipality.${r === "official-code" ? "officialCode" : r}`,
        message: `does not match ${municipalityId}`,
        code: r,
      })),
    );
  }
}
export class PreconditionFailedError extends ApiError {
  constructor(detail = "The resource changed since you read it; reload and try again.") {
    super(412, "precondition-failed", "Precondition failed", detail);
  }
}
export class PreconditionRequiredError extends ApiError {
  constructor(detail = "Send If-Match with the ETag you read, so concurrent edits are not lost.") {
    super(428, "precondition-required", "Precondition required", detail);
  }
}
export class InvalidCredentialsError extends ApiError {
  constructor() {
    super(401, "invalid-credentials", "Invalid credentials", "The email or password is wrong.");
  }
}
export class InvalidInviteError extends ApiError {
  constructor() {
    super(
      400,
      "invalid-invite",
      "Invalid invite",
      "The invite is unknown, expired or already used.",
    );
  }
}
export class TooManyRequestsError extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    detail = "Too many attempts; try again later.",
  ) {
    super(429, "too-many-requests", "Too many requests", detail);
  }
}
export class PayloadTooLargeError extends ApiError {
  constructor(limit: number) {
    super(413, "payload-too-large", "Payload too large", `The body exceeds ${limit} bytes.`);
  }
}
export class UnsupportedMediaTypeError extends ApiError {
  constructor(expected = "application/json") {
    super(415, "unsupported-media-type", "Unsupported media type", `Send the body as ${expected}.`);
  }
}

/** How long a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export class ServiceUnavailableError extends ApiError {
  constructor(
    detail = "The database is not reachable right now; nothing was saved. Try again shortly.",
  ) {
    super(503, "service-unavailable", "Service unavailable", detail);
  }
}

const PROBLEM_TYPE = "urn:pobratym:problem:";

/** Builds a problem+json response. */
export function problemResponse(
  c: Context<AppEnv>,
  problem: Omit<Problem, "type" | "requestId">,
): Response {
  const body: Problem = {
    type: `${PROBLEM_TYPE}${problem.code}`,
    ...problem,
    requestId: c.get("requestId"),
  };
  return c.body(JSON.stringify(body), problem.status as 400, {
    "content-type": "application/problem+json",
  });
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  // Before the SQLSTATE mapping below: a lost connection rolled the transaction back, so the
  // write did not happen and a retry is safe.
  if (isConnectionError(error)) return new ServiceUnavailableError();
  if (error instanceof IllegalTransitionError) {
    return new ApiError(
      409,
      "illegal-transition",
      "Illegal stage change",
      error.message,
      undefined,
      {
        allowed: [...error.allowed],
      },
    );
  }
  if (error instanceof CoreError)
    return new ApiError(400, "validation-failed", "Validation failed", error.message);
  if (error instanceof HTTPException) {
    if (error.status === 413) return new PayloadTooLargeError(0);
    if (error.status === 415) return new UnsupportedMediaTypeError();
    if (error.status >= 400 && error.status < 500)
      return new ApiError(error.status, "bad-request", "Bad request", error.message);
  }
  // Postgres errors that a client can cause (bad input that slipped past validation) are 4xx.
  // drizzle wraps driver errors (DrizzleQueryError), so the SQLSTATE may sit on `cause`.
  const pgError = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const pgCode = pgError?.code ?? pgError?.cause?.code;
  if (typeof pgCode === "string") {
    if (pgCode === "23505") return new ConflictError("A record with the same key already exists.");
    if (pgCode === "23503")
      return new ConflictError("The record refers to, or is referred to by, another record.");
    if (pgCode === "22P02" || pgCode === "22021" || pgCode === "54000")
      return new BadRequestError("Invalid value.");
  }
  return undefined;
}

/** The one error handler: typed errors become problem documents; anything else is a logged 500. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const known = toApiError(error);
  if (known instanceof ServiceUnavailableError) {
    // Logged (the operator wants to know) but as a warning: it is an outage, not a bug.
    c.var.logger.warn("database unavailable", { requestId: c.get("requestId"), error });
    c.header("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  }
  // A 413 is answered before the body is read; what is left of it would be taken for the next
  // request on a kept-alive connection, so this one ends with the answer.
  if (known?.status === 413) c.header("connection", "close");
  if (known) {
    return problemResponse(c, {
      title: known.title,
      status: known.status,
      detail: known.message,
      code: known.code,
      ...(known.errors ? { errors: known.errors } : {}),
      ...known.extra,
    });
  }
  c.var.logger.error("unhandled error", { requestId: c.get("requestId"), error });
  return problemResponse(c, {
    title: "Internal server error",
    status: 500,
    detail: "Something went wrong on our side. Quote the request id when you report it.",
    code: "internal",
  });
}
