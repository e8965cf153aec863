import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../deps";

/**
 * Builds the request's `ServiceContext` once, after `authenticate` has resolved the actor, so
 * every handler passes `c.var.ctx` to its services and none assembles one of its own.
 */
export const serviceContext = createMiddleware<AppEnv>(async (c, next) => {
  c.set("ctx", {
    db: c.var.db,
    actor: c.var.actor,
    now: c.var.clock(),
    requestId: c.var.requestId,
  });
  await next();
});
