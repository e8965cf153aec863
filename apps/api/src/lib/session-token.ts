/** Session tokens are base64url of 32 bytes (`randomToken()`); this admits a little headroom. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

/** True when `token` could be a session token; anything else is refused before any lookup or cache. */
export function isSessionTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
