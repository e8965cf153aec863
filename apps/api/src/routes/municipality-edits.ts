import { createRoute } from "@hono/zod-openapi";
import {
  CreateMunicipalityInput,
  EditedMunicipality,
  Id,
  UpdateMunicipalityInput,
} from "@pobratym/core";
import { z } from "zod";
import { etag } from "../lib/etag";
import { etagHeader, ifMatchHeader, withIfMatch } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { requireMunicipalityEditor, requireRole } from "../middleware/auth";
import { createMunicipality } from "../services/municipalities/create-municipality";
import { updateMunicipality } from "../services/municipalities/update-municipality";

const createMunicipalityRoute = createRoute({
  method: "post",
  path: "/municipalities",
  tags: ["profiles"],
  summary: "Add a municipality to the catalogue (coordinators only)",
  description:
    "The id is derived from country and official code. Contacts are added under `/contacts`.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateMunicipalityInput } } },
  },
  responses: {
    201: {
      description: "The created municipality",
      headers: etagHeader,
      content: { "application/json": { schema: EditedMunicipality } },
    },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateMunicipalityRoute = createRoute({
  method: "patch",
  path: "/municipalities/{id}",
  tags: ["profiles"],
  summary: "Change a municipality's profile (coordinators, or editors of that municipality)",
  description:
    "Send If-Match with the ETag you read (428 when missing, 412 with the current ETag when stale). " +
    "Top-level fields are replaced; `null` removes an optional field; only coordinators change `status`.",
  security: [{ bearer: [] }],
  middleware: [requireMunicipalityEditor("id")] as const,
  request: {
    params: z.object({ id: Id }),
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateMunicipalityInput } } },
  },
  responses: {
    200: {
      description: "The updated municipality",
      headers: etagHeader,
      content: { "application/json": { schema: EditedMunicipality } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 428),
  },
});

/** Creating and editing municipality profiles. */
export function municipalityEditsRouter() {
  return newRouter()
    .openapi(createMunicipalityRoute, async (c) => {
      const result = await createMunicipality({ ctx: c.var.ctx, input: c.req.valid("json") });
      c.header("etag", etag(result.version));
      c.header("location", `/api/v1/municipalities/${result.municipality.id}`);
      return c.json(result, 201);
    })
    .openapi(updateMunicipalityRoute, async (c) => {
      const result = await withIfMatch(c, (expectedVersion) =>
        updateMunicipality({
          ctx: c.var.ctx,
          id: c.req.valid("param").id,
          patch: c.req.valid("json"),
          expectedVersion,
        }),
      );
      c.header("etag", etag(result.version));
      return c.json(result, 200);
    });
}
