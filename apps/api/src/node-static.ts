import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { App } from "./app";

/**
 * Serves the built dashboard from `dir` beside the API: real files first, then index.html for any
 * other GET outside /api so client-side routes survive a reload. Node only (reads the disk).
 * Returns false when the dashboard has not been built.
 */
export function serveDashboard(app: App, dir: string): boolean {
  if (!existsSync(join(dir, "index.html"))) return false;
  const isApi = (path: string) => path === "/api" || path.startsWith("/api/");
  app.use("*", async (c, next) => {
    if (isApi(c.req.path) || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    return serveStatic({ root: dir })(c, next);
  });
  app.use("*", async (c, next) => {
    if (isApi(c.req.path) || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    // Hashed assets that are missing are real 404s, not routes.
    if (c.req.path.startsWith("/assets/")) return next();
    return serveStatic({ root: dir, path: "index.html" })(c, next);
  });
  return true;
}
