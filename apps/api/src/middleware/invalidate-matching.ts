import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../deps";
import { invalidateMatching } from "../services/matching/matching-cache";

/** Writes that never touch profiles, needs, offers, ties or partnerships (sign-in, invites, users). */
const NO_MATCHING_DATA = /^\/api\/v1\/(auth|invites|users)(\/|$)/;

/**
 * Middleware: any successful write under the API (POST, PUT, PATCH, DELETE below 400) may change
 * profiles, needs, offers, ties or partnerships, so it invalidates the matching cache. Cheaper and
 * safer than every service remembering to do it.
 */
export const invalidateMatchingOnWrite = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (
    c.req.method !== "GET" &&
    c.req.method !== "HEAD" &&
    c.res.status < 400 &&
    !NO_MATCHING_DATA.test(c.req.path)
  ) {
    invalidateMatching(c.var.db);
  }
});
