import { createRoute } from "@hono/zod-openapi";
import { CreateNeedInput, Id, UpdateNeedInput, VersionedNeed } from "@pobratym/core";
import { z } from "zod";
import { etag } from "../lib/etag";
import { withIfMatch } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { assertRole, canEditMunicipality, requireMunicipalityEditor } from "../middleware/auth";
import { createNeed } from "../services/needs/create-need";
import { deleteNeed } from "../services/needs/delete-need";
import { listNeeds } from "../services/needs/list-needs";
import { updateNeed } from "../services/needs/update-need";

const etagHeader = {
  ETag: { schema: { type: "string" as const }, description: "The row version, for If-Match" },
};
const ifMatchHeader = z.object({
  "if-match": z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The ETag you read, e.g. "3"; required' }),
});
const params = z.object({ id: Id });
const itemParams = z.object({ id: Id, needId: Id });

const listRoute = createRoute({
  method: "get",
  path: "/municipalities/{id}/needs",
  tags: ["profiles"],
  summary: "The needs of a hromada, each with its version",
  request: { params },
  responses: {
    200: {
      description: "The needs, oldest first",
      content: { "application/json": { schema: z.object({ items: z.array(VersionedNeed) }) } },
    },
    ...problemResponses(400, 404),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/municipalities/{id}/needs",
  tags: ["profiles"],
  summary: "Add a need to a hromada (coordinators, or its editors)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: CreateNeedInput } } },
  },
  responses: {
    201: {
      description: "The new need",
      headers: etagHeader,
      content: { "application/json": { schema: VersionedNeed } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/municipalities/{id}/needs/{needId}",
  tags: ["profiles"],
  summary: "Change a need (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params: itemParams,
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateNeedInput } } },
  },
  responses: {
    200: {
      description: "The changed need",
      headers: etagHeader,
      content: { "application/json": { schema: VersionedNeed } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/municipalities/{id}/needs/{needId}",
  tags: ["profiles"],
  summary: "Delete a need (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: { params: itemParams, headers: ifMatchHeader },
  responses: {
    204: { description: "Deleted" },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

/** The needs of a hromada: public reads, edits by coordinators and the hromada's editors. */
export function needsRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const { id } = c.req.valid("param");
      const items = await listNeeds({
        db: c.var.db.orm,
        municipalityId: id,
        canSeeDrafts: canEditMunicipality(c.var.actor, id),
      });
      return c.json({ items }, 200);
    })
    .openapi(createRouteDef, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator", "editor"]);
      const { id } = c.req.valid("param");
      const item = await createNeed({
        db: c.var.db.orm,
        municipalityId: id,
        input: c.req.valid("json"),
        actor,
        now: c.var.clock().toISOString(),
        requestId: c.var.requestId,
      });
      c.header("etag", etag(item.version));
      return c.json(item, 201);
    })
    .openapi(updateRoute, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator", "editor"]);
      const { id, needId } = c.req.valid("param");
      const item = await withIfMatch(c, (expectedVersion) =>
        updateNeed({
          db: c.var.db.orm,
          municipalityId: id,
          itemId: needId,
          patch: c.req.valid("json"),
          expectedVersion,
          actor,
          now: c.var.clock().toISOString(),
          requestId: c.var.requestId,
        }),
      );
      c.header("etag", etag(item.version));
      return c.json(item, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator", "editor"]);
      const { id, needId } = c.req.valid("param");
      await withIfMatch(c, (expectedVersion) =>
        deleteNeed({
          db: c.var.db.orm,
          municipalityId: id,
          itemId: needId,
          expectedVersion,
          actor,
          now: c.var.clock().toISOString(),
          requestId: c.var.requestId,
        }),
      );
      return c.body(null, 204);
    });
}
