import { createRoute } from "@hono/zod-openapi";
import { EraseRequest, ErasureSummary, PersonalDataExport } from "@pobratym/core";
import { z } from "zod";
import { ForbiddenError } from "../errors";
import { newRouter, problemResponses } from "../lib/router";
import { assertRole, auditActor, requireRole } from "../middleware/auth";
import { erasePersonalData } from "../services/privacy/erase-personal-data";
import { exportPersonalData } from "../services/privacy/export-personal-data";
import { getUser } from "../services/users/get-user";

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
      const actor = assertRole(c.var.actor, ["coordinator", "editor"]);
      const { email } = c.req.valid("query");
      if (actor.role !== "coordinator") {
        const me = await getUser({ db: c.var.db.orm, id: actor.userId });
        if (me.email.toLowerCase() !== email.toLowerCase()) {
          throw new ForbiddenError(
            "You may export only your own data; ask a coordinator for anyone else's.",
          );
        }
      }
      c.header("cache-control", "private, no-store");
      return c.json(
        await exportPersonalData({ db: c.var.db.orm, email, now: c.var.clock().toISOString() }),
        200,
      );
    })
    .openapi(eraseRoute, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator"]);
      const summary = await erasePersonalData({
        db: c.var.db.orm,
        email: c.req.valid("json").email,
        actor: auditActor(actor),
        now: c.var.clock().toISOString(),
        requestId: c.var.requestId,
      });
      return c.json(summary, 200);
    });
}
