/** Stable machine-readable codes of the errors that `@pobratym/core` returns or throws. */
export type CoreErrorCode = "illegal-transition" | "invalid-input";

/** Base class of every error `@pobratym/core` produces; `code` is stable across releases. */
export abstract class CoreError extends Error {
  abstract readonly code: CoreErrorCode;
}

/** A partnership stage change that the state machine does not allow. */
export class IllegalTransitionError extends CoreError {
  readonly code = "illegal-transition" as const;
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `cannot move a partnership from "${from}" to "${to}"; allowed: ${allowed.join(", ") || "none"}`,
    );
    this.name = "IllegalTransitionError";
  }
}

/** Input to a core function that breaks its contract; `field` names the offending path. */
export class InvalidInputError extends CoreError {
  readonly code = "invalid-input" as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "InvalidInputError";
  }
}

/** A value or a typed error, for operations whose failure is an expected outcome. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };
