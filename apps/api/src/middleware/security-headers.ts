import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../deps";
import { isHttps } from "../lib/public-origin";

/**
 * The policy for every response, API and dashboard alike: only this origin's scripts, styles,
 * fonts and fetches; images also from data: and blob: (map tiles drawn in the page). No inline
 * script or style anywhere, so the dashboard keeps its boot script in a file and the reference
 * page its stylesheet (/api/v1/docs.css). Nobody may frame us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** A year, with subdomains: sent only to clients that reached us over HTTPS. */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Security headers on every response, whatever produced it (a route, the error handler, the
 * static dashboard). HSTS only when the public origin is HTTPS: over plain HTTP it is ignored at
 * best, and at worst pins a development host to a TLS it does not have.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const headers = c.res.headers;
  const set = (name: string, value: string) => {
    if (!headers.has(name)) headers.set(name, value);
  };
  set("content-security-policy", CONTENT_SECURITY_POLICY);
  set("x-content-type-options", "nosniff");
  set("x-frame-options", "DENY");
  set("referrer-policy", "strict-origin-when-cross-origin");
  set("cross-origin-opener-policy", "same-origin");
  if (isHttps(c)) set("strict-transport-security", HSTS);
});
