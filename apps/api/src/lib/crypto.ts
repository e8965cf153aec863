// Password hashing and tokens on WebCrypto only, so the same code runs on Node and edge runtimes
// (no native addons, no node:crypto).

const encoder = new TextEncoder();

/** PBKDF2-SHA-256 iterations for new hashes: above the 100k floor, below OWASP's 600k so a sign-in costs 0.1–0.3 s of CPU rather than a second. */
export const PASSWORD_ITERATIONS = 210_000;
const HASH_BYTES = 32;
const SALT_BYTES = 16;
const SCHEME = "pbkdf2-sha256";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded =
    text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/** Compares two byte arrays in time that depends only on their lengths. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** A fresh random token: 32 bytes from the CSPRNG, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a text as lower-case hex; sessions and invites store only this hash of their token. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text))));
}

async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(password.normalize("NFC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/**
 * Hashes a password with PBKDF2-SHA-256 and a random per-user salt. The result is self-describing
 * (`pbkdf2-sha256$<iterations>$<salt>$<hash>`), so the cost can be raised later without breaking
 * old hashes. `iterations` below the default is meant for tests only.
 */
export async function hashPassword(
  password: string,
  iterations = PASSWORD_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2(password, salt, iterations, HASH_BYTES);
  return `${SCHEME}$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterText, saltText, hashText, ...rest] = stored.split("$");
  if (
    scheme !== SCHEME ||
    rest.length > 0 ||
    !iterText ||
    saltText === undefined ||
    hashText === undefined
  )
    return false;
  const iterations = Number(iterText);
  const salt = fromBase64Url(saltText);
  const expected = fromBase64Url(hashText);
  if (
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > 10_000_000 ||
    !salt ||
    !expected
  )
    return false;
  if (expected.length === 0) return false;
  const actual = await pbkdf2(password, salt, iterations, expected.length);
  return timingSafeEqual(actual, expected);
}

/** A valid hash of a random password, used to spend the same time when the email is unknown. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomToken(16));
  return decoy;
}
