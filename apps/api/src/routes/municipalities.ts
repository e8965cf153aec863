import { createRoute } from "@hono/zod-openapi";
import {
  Id,
  MunicipalityFeatureCollection,
  MunicipalityListQuery,
  MunicipalityPage,
  MunicipalityProfile,
} from "@pobratym/core";
import { z } from "zod";
import { ForbiddenError } from "../errors";
import { newRouter, problemResponses } from "../lib/router";
import { canEditMunicipality } from "../middleware/auth";
import { listContacts } from "../services/contacts/list-contacts";
import { listMunicipalitiesFromMemory } from "../services/municipalities/catalogue-read-model";
import { getMunicipality } from "../services/municipalities/get-municipality";
import {
  municipalitiesCsv,
  municipalitiesGeoJson,
} from "../services/municipalities/shape-municipalities";

const listRoute = createRoute({
  method: "get",
  path: "/municipalities",
  tags: ["catalogue"],
  summary: "Search and filter the catalogue",
  description:
    "Transliteration-aware search (`q`), filters and keyset pagination (`cursor` from `nextCursor`). " +
    "`format=geojson` and `format=csv` return every match (up to 10,000) in one response.",
  request: { query: MunicipalityListQuery },
  responses: {
    200: {
      description: "A page of municipalities, a GeoJSON FeatureCollection or CSV",
      content: {
        "application/json": { schema: MunicipalityPage },
        "application/geo+json": { schema: MunicipalityFeatureCollection },
        "text/csv": { schema: z.string() },
      },
    },
    ...problemResponses(400, 403),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/municipalities/{id}",
  tags: ["catalogue"],
  summary: "One municipality's public profile with needs, offers, ties and partnerships",
  request: { params: z.object({ id: Id }) },
  responses: {
    200: {
      description: "The profile; the ETag carries its version",
      headers: { ETag: { schema: { type: "string" } } },
      content: { "application/json": { schema: MunicipalityProfile } },
    },
    ...problemResponses(400, 404),
  },
});

/** The public catalogue: list/search and one profile. */
export function municipalitiesRouter() {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const query = c.req.valid("query");
      // Drafts (e.g. questionnaire submissions awaiting review) are for coordinators only.
      if (query.status === "draft" && c.var.ctx.actor?.role !== "coordinator")
        throw new ForbiddenError("Draft profiles are visible to coordinators only.");
      const exporting = query.format !== "json";
      const result = await listMunicipalitiesFromMemory({
        db: c.var.ctx.db,
        query,
        all: exporting,
      });
      if (query.format === "geojson") {
        return c.body(JSON.stringify(municipalitiesGeoJson(result.items)), 200, {
          "content-type": "application/geo+json; charset=utf-8",
        });
      }
      if (query.format === "csv") {
        return c.body(municipalitiesCsv(result.items), 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="municipalities.csv"',
        });
      }
      return c.json(
        { items: result.items, nextCursor: result.nextCursor, total: result.total },
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid("param");
      const profile = await getMunicipality({
        ctx: c.var.ctx,
        id,
        includeDrafts: canEditMunicipality(c.var.ctx.actor, id),
      });
      c.header("etag", `"${profile.version}"`);
      // Contact persons are personal data: only signed-in callers get them.
      if (!c.var.ctx.actor) return c.json(profile, 200);
      c.header("cache-control", "private, no-store");
      return c.json(
        { ...profile, contacts: await listContacts({ ctx: c.var.ctx, municipalityId: id }) },
        200,
      );
    });
}
