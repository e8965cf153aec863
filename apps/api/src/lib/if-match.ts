// The z of @hono/zod-openapi: importing it is what adds `.openapi()` to zod schemas, and this
// module can be loaded before any route (services import withIfMatch's errors through it).
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../deps";
import { PreconditionFailedError, PreconditionRequiredError } from "../errors";
import { etag, expectedVersion } from "./etag";

/** A 412 that knows the current version, so the response can carry it as the ETag. */
export class StaleVersionError extends PreconditionFailedError {
  constructor(readonly currentVersion: number) {
    super(
      `The resource changed since you read it; its current version is ${currentVersion}. Reload and try again.`,
    );
  }
}

/**
 * Runs a versioned write with the version from `If-Match` (required, and `*` is refused here: a
 * profile edit must say which version it read). A stale version becomes a 412 whose ETag header
 * is the current version.
 */
export async function withIfMatch<T>(
  c: Context<AppEnv>,
  write: (expected: number) => Promise<T>,
): Promise<T> {
  const expected = expectedVersion(c.req.header("if-match"));
  if (expected === null)
    throw new PreconditionRequiredError(
      'Send If-Match with the ETag you read; "*" is not accepted.',
    );
  try {
    return await write(expected);
  } catch (error) {
    if (error instanceof StaleVersionError) c.header("etag", etag(error.currentVersion));
    throw error;
  }
}

/** The OpenAPI description of the ETag response header that versioned resources send. */
export const etagHeader = {
  ETag: { schema: { type: "string" as const }, description: "The row version, for If-Match" },
};

/** The If-Match request header of a versioned write, documented (its presence is checked by `withIfMatch`). */
export const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The ETag you read, e.g. "3"; required' }),
});
