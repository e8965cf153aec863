import { createRoute, z } from "@hono/zod-openapi";
import { ReferenceImportList, ReferenceImportReport } from "@pobratym/core";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import {
  getReferenceImport,
  listReferenceImports,
} from "../services/catalogue/list-reference-imports";

const listRoute = createRoute({
  method: "get",
  path: "/reference/imports",
  tags: ["reference"],
  summary: "The latest reference imports, applied or refused, newest first (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  responses: {
    200: {
      description: "The latest 20 imports",
      content: { "application/json": { schema: ReferenceImportList } },
    },
    ...problemResponses(401, 403),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/reference/imports/{id}",
  tags: ["reference"],
  summary:
    "One reference import's report: errors and warnings with file, row and field (coordinators only)",
  description: "`latest` for the newest import.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    params: z.object({
      id: z.union([
        z.literal("latest"),
        z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 53),
      ]),
    }),
  },
  responses: {
    200: {
      description: "The report",
      content: { "application/json": { schema: ReferenceImportReport } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** `GET /reference/imports…`: what the reference imports did or why they were refused. */
export function referenceImportsRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      c.header("cache-control", "private, no-store");
      return c.json(await listReferenceImports({ ctx: c.var.ctx }), 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid("param");
      c.header("cache-control", "private, no-store");
      return c.json(await getReferenceImport({ ctx: c.var.ctx, id }), 200);
    });
}
