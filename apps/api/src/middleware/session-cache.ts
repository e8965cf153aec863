import { createMiddleware } from "hono/factory";
import type { Db } from "../db/db";
import type { AppEnv } from "../deps";
import { isSessionTokenShaped } from "../lib/session-token";
import type { Actor } from "../services/auth/actor";
import { resolveSession } from "../services/auth/resolve-session";

/**
 * How long a resolved session is trusted before the database is asked again. Bounds how late a
 * revocation made elsewhere (another process, a direct SQL change, session expiry) takes effect;
 * sign-out, disabling and erasing through this process evict at once (`evictSessionsOnWrite`).
 */
export const SESSION_CACHE_MS = 30_000;
/** At most this many tokens are remembered per database; the oldest go first. */
export const SESSION_CACHE_SIZE = 10_000;

interface CachedSession {
  actor: Actor | null;
  /** Injected-clock time (ms) after which the entry is looked up again. */
  until: number;
}

// Keyed by the database handle, like the matching cache: every app over one database shares it.
const caches = new WeakMap<Db, Map<string, CachedSession>>();

function cacheOf(db: Db): Map<string, CachedSession> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * `resolveSession`, remembered for `SESSION_CACHE_MS` (by the injected clock) per token. Unknown
 * tokens are remembered too (as anonymous), so a stale cookie costs one lookup, not one a request.
 */
export async function resolveSessionCached({
  db,
  token,
  now,
}: {
  db: Db;
  token: string;
  now: Date;
}): Promise<Actor | null> {
  // Junk is never remembered: a flood of made-up tokens would push real sessions out.
  if (!isSessionTokenShaped(token)) return null;
  const cache = cacheOf(db);
  const at = now.getTime();
  const hit = cache.get(token);
  if (hit && at < hit.until && at >= hit.until - SESSION_CACHE_MS) return hit.actor;
  const actor = await resolveSession({ db: db.orm, token, now: now.toISOString() });
  cache.delete(token);
  if (cache.size >= SESSION_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(token, { actor, until: at + SESSION_CACHE_MS });
  return actor;
}

/** Forgets every cached session of `userId` in this process. */
export function evictUserSessions(db: Db, userId: string): void {
  const cache = cacheOf(db);
  for (const [token, entry] of cache) if (entry.actor?.userId === userId) cache.delete(token);
}

/** Forgets every cached session of `db` in this process. */
export function clearSessionCache(db: Db): void {
  cacheOf(db).clear();
}

/**
 * Middleware: after a successful sign-out, the caller's cached sessions go; after any successful
 * write to users (disable, role changes) or privacy (erase), the whole cache goes, so the change
 * holds on the next request in this process.
 */
export const evictSessionsOnWrite = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.var.actor;
  await next();
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.res.status >= 400) return;
  const path = c.req.path;
  if (/^\/api\/v1\/auth\/sign-out\/?$/.test(path)) {
    if (actor) evictUserSessions(c.var.db, actor.userId);
  } else if (/^\/api\/v1\/(users|privacy)(\/|$)/.test(path)) {
    clearSessionCache(c.var.db);
  }
});
