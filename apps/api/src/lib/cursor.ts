import { checksum } from "../db/migrate";
import { InvalidCursorError } from "../errors";

/**
 * Opaque keyset cursors: base64url of the JSON sort key of the last row, a fingerprint of the
 * query it belongs to, and a checksum. The checksum catches edited or truncated cursors (it is
 * not a secret signature: a forged cursor can only move within data the caller may already read).
 */
export type SortKey = readonly (string | number)[];

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new InvalidCursorError();
  const padded =
    value.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (value.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** Encodes the sort key of a page's last row for the given query fingerprint. */
export function encodeCursor(key: SortKey, fingerprint: string): string {
  const payload = JSON.stringify([key, fingerprint]);
  return toBase64Url(JSON.stringify([key, checksum(payload)]));
}

/**
 * Decodes a cursor made by encodeCursor for the same query, checking its shape against
 * `shape` (the type of each key part); throws InvalidCursorError otherwise.
 */
export function decodeCursor(
  cursor: string,
  fingerprint: string,
  shape: readonly ("string" | "number")[],
): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw new InvalidCursorError();
  const [key, sum] = parsed as [unknown, unknown];
  if (!Array.isArray(key) || key.length !== shape.length || typeof sum !== "string")
    throw new InvalidCursorError();
  if (
    !key.every(
      (part, i) => typeof part === shape[i] && (typeof part !== "number" || Number.isFinite(part)),
    )
  ) {
    throw new InvalidCursorError();
  }
  const typed = key as (string | number)[];
  if (checksum(JSON.stringify([typed, fingerprint])) !== sum) throw new InvalidCursorError();
  return typed;
}
