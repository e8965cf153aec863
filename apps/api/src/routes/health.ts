import { createRoute } from "@hono/zod-openapi";
import { Health } from "@pobratym/core";
import { newRouter, problemResponses } from "../lib/router";
import { getHealth } from "../services/health/get-health";

/** `GET /health`: liveness and a database round trip. */
export function healthRouter(version: string) {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["system"],
      summary: "Service health, database kind and catalogue size",
      responses: {
        200: {
          description: "The service is up",
          content: { "application/json": { schema: Health } },
        },
        ...problemResponses(503),
      },
    }),
    async (c) => c.json(await getHealth({ ctx: c.var.ctx, version }), 200),
  );
}
