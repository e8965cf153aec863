import { createRoute } from "@hono/zod-openapi";
import { CreateOfferInput, Id, UpdateOfferInput, VersionedOffer } from "@pobratym/core";
import { z } from "zod";
import { etag } from "../lib/etag";
import { withIfMatch } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { assertRole, canEditMunicipality, requireMunicipalityEditor } from "../middleware/auth";
import { createOffer } from "../services/offers/create-offer";
import { deleteOffer } from "../services/offers/delete-offer";
import { listOffers } from "../services/offers/list-offers";
import { updateOffer } from "../services/offers/update-offer";

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
const itemParams = z.object({ id: Id, offerId: Id });

const listRoute = createRoute({
  method: "get",
  path: "/municipalities/{id}/offers",
  tags: ["profiles"],
  summary: "The offers of a partner, each with its version",
  request: { params },
  responses: {
    200: {
      description: "The offers, oldest first",
      content: { "application/json": { schema: z.object({ items: z.array(VersionedOffer) }) } },
    },
    ...problemResponses(400, 404),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/municipalities/{id}/offers",
  tags: ["profiles"],
  summary: "Add a offer to a partner (coordinators, or its editors)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: CreateOfferInput } } },
  },
  responses: {
    201: {
      description: "The new offer",
      headers: etagHeader,
      content: { "application/json": { schema: VersionedOffer } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/municipalities/{id}/offers/{offerId}",
  tags: ["profiles"],
  summary: "Change a offer (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params: itemParams,
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateOfferInput } } },
  },
  responses: {
    200: {
      description: "The changed offer",
      headers: etagHeader,
      content: { "application/json": { schema: VersionedOffer } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/municipalities/{id}/offers/{offerId}",
  tags: ["profiles"],
  summary: "Delete a offer (If-Match required)",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: { params: itemParams, headers: ifMatchHeader },
  responses: {
    204: { description: "Deleted" },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

/** The offers of a partner: public reads, edits by coordinators and the partner's editors. */
export function offersRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const { id } = c.req.valid("param");
      const items = await listOffers({
        db: c.var.db.orm,
        municipalityId: id,
        canSeeDrafts: canEditMunicipality(c.var.actor, id),
      });
      return c.json({ items }, 200);
    })
    .openapi(createRouteDef, async (c) => {
      const actor = assertRole(c.var.actor, ["coordinator", "editor"]);
      const { id } = c.req.valid("param");
      const item = await createOffer({
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
      const { id, offerId } = c.req.valid("param");
      const item = await withIfMatch(c, (expectedVersion) =>
        updateOffer({
          db: c.var.db.orm,
          municipalityId: id,
          itemId: offerId,
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
      const { id, offerId } = c.req.valid("param");
      await withIfMatch(c, (expectedVersion) =>
        deleteOffer({
          db: c.var.db.orm,
          municipalityId: id,
          itemId: offerId,
          expectedVersion,
          actor,
          now: c.var.clock().toISOString(),
          requestId: c.var.requestId,
        }),
      );
      return c.body(null, 204);
    });
}
