import { PreconditionFailedError, PreconditionRequiredError } from "../errors";

/** The ETag of a row version. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: missing is a 428, `*` is null (any version), and a
 * value that is not one of our ETags can never match, so it is a 412.
 */
export function expectedVersion(header: string | undefined): number | null {
  const value = header?.trim();
  if (!value) throw new PreconditionRequiredError();
  if (value === "*") return null;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(value);
  if (!match?.[1])
    throw new PreconditionFailedError('If-Match must be the ETag you read, such as "3".');
  return Number(match[1]);
}
