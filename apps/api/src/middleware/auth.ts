import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../deps";
import { publicOrigin } from "../lib/public-origin";
import { assertCanEditMunicipality, type Role } from "../services/auth/actor";
import { requireActor } from "../services/context";
import { resolveSessionCached } from "./session-cache";

export type { Actor, Role } from "../services/auth/actor";
export { assertCanEditMunicipality, canEditMunicipality } from "../services/auth/actor";

/** The HttpOnly cookie the dashboard signs in with (SameSite=Lax). */
export const SESSION_COOKIE = "pobratym_session";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The session token a request carries: `Authorization: Bearer` first, else the session cookie. */
function presentedToken(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (header) {
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header);
    return match?.[1] ?? null;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return null;
  // Cookies ride along on cross-site requests; SameSite=Lax stops most, and a foreign Origin on
  // an unsafe method stops the rest (a CSRF guard that costs nothing for Bearer clients).
  if (UNSAFE.has(c.req.method)) {
    const origin = c.req.header("origin");
    if (origin && origin !== publicOrigin(c)) return null;
  }
  return cookie;
}

/**
 * Resolves the caller from the session token and sets `c.var.actor` (null when anonymous).
 * An unknown or expired token is treated as anonymous, so public reads keep working with a stale
 * cookie; routes that need a user answer 401 through `requireRole`.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = presentedToken(c);
  const actor = token
    ? await resolveSessionCached({ db: c.var.db, token, now: c.var.clock() })
    : null;
  c.set("actor", actor);
  await next();
});

/**
 * Middleware: 401 problem when anonymous, 403 when the signed-in role is not one of `roles`.
 * Runs before body validation, so strangers learn nothing from 400s; services check again.
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    requireActor({ actor: c.var.actor }, ...roles);
    await next();
  });
}

/**
 * Middleware: 401 when anonymous, 403 unless the actor may edit the municipality named by the
 * path parameter `param`. Runs before body validation, so strangers learn nothing from 400s.
 */
export function requireMunicipalityEditor(param = "id") {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertCanEditMunicipality(c.var.actor, c.req.param(param) ?? "");
    await next();
  });
}
