import { createRoute } from "@hono/zod-openapi";
import { EraseRequest, ErasureSummary, PersonalDataExport } from "@pobratym/core";
import { z } from "zod";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { erasePersonalData } from "../services/privacy/erase-personal-data";
import { exportPersonalData } from "../services/privacy/export-personal-data";

const exportRoute = createRoute({
  method: "get",
  path: "/privacy/export",
  tags: ["privacy"],
  summary: "Every record about one person (coordinators, or the person themself)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator", "editor")] as const,
  request: { query: z.strictObject({ email: EraseRequest.shape.email }) },
  responses: {
    200: {
      description: "The person's records",
      content: { "application/json": { schema: PersonalDataExport } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const eraseRoute = createRoute({
  method: "post",
  path: "/privacy/erase",
  tags: ["privacy"],
  summary: "Erase a person: delete or anonymise every record about them (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { body: { required: true, content: { "application/json": { schema: EraseRequest } } } },
  responses: {
    200: {
      description: "What was erased",
      content: { "application/json": { schema: ErasureSummary } },
    },
    ...problemResponses(400, 401, 403),
  },
});

/** GDPR access and erasure. */
export function privacyRouter() {
  return newRouter()
    .openapi(exportRoute, async (c) => {
      const data = await exportPersonalData({ ctx: c.var.ctx, email: c.req.valid("query").email });
      c.header("cache-control", "private, no-store");
      return c.json(data, 200);
    })
    .openapi(eraseRoute, async (c) => {
      const summary = await erasePersonalData({ ctx: c.var.ctx, email: c.req.valid("json").email });
      return c.json(summary, 200);
    });
}
