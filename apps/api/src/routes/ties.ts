import { createRoute } from "@hono/zod-openapi";
import {
  CreateTieInput,
  Id,
  TieListQuery,
  TiePage,
  TieReview,
  TieReviewQuery,
  TieSummary,
  UpdateTieInput,
} from "@pobratym/core";
import { z } from "zod";
import { csvDownload } from "../lib/csv";
import { etag, expectedVersion } from "../lib/etag";
import { etagHeader } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { createTie } from "../services/ties/create-tie";
import { listReviewTies, listTies } from "../services/ties/list-ties";
import { tiesCsv } from "../services/ties/read-ties";
import { updateTie } from "../services/ties/update-tie";

const listRouteDef = createRoute({
  method: "get",
  path: "/ties",
  tags: ["ties"],
  summary: "The register of existing agreements with foreign towns",
  description:
    "Filters by municipality, foreign country and status; `review=true` keeps ties with Russian or Belarusian towns. " +
    "Keyset pagination; `format=csv` returns every match (up to 10,000) as a download.",
  request: { query: TieListQuery },
  responses: {
    200: {
      description: "A page of ties, or CSV",
      content: { "application/json": { schema: TiePage }, "text/csv": { schema: z.string() } },
    },
    ...problemResponses(400),
  },
});

const reviewRouteDef = createRoute({
  method: "get",
  path: "/ties/review",
  tags: ["ties"],
  summary: "Ties with Russian or Belarusian towns, for review",
  description:
    "Counts per status, and the ties themselves: those still needing a decision (under review, then active) first, " +
    "then frozen, then terminated. `pending=true` keeps only those needing a decision.",
  request: { query: TieReviewQuery },
  responses: {
    200: {
      description: "The review list, or CSV",
      content: { "application/json": { schema: TieReview }, "text/csv": { schema: z.string() } },
    },
    ...problemResponses(400),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/municipalities/{id}/ties",
  tags: ["ties"],
  summary:
    "Record a municipality's tie with a foreign town (coordinators, or the municipality's editor)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator", "editor")] as const,
  request: {
    params: z.object({ id: Id }),
    body: { required: true, content: { "application/json": { schema: CreateTieInput } } },
  },
  responses: {
    201: {
      description: "The new tie",
      headers: etagHeader,
      content: { "application/json": { schema: TieSummary } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413),
  },
});

const updateRouteDef = createRoute({
  method: "patch",
  path: "/ties/{id}",
  tags: ["ties"],
  summary:
    "Record a tie's review: status, decision date and decision (coordinators, or the municipality's editor)",
  description:
    "Send If-Match with the ETag (the `version`) you read: 412 when stale, 428 when missing. null clears a field.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator", "editor")] as const,
  request: {
    params: z.object({ id: Id }),
    headers: z.object({ "if-match": z.string().max(200).optional() }),
    body: { required: true, content: { "application/json": { schema: UpdateTieInput } } },
  },
  responses: {
    200: {
      description: "The updated tie",
      headers: etagHeader,
      content: { "application/json": { schema: TieSummary } },
    },
    ...problemResponses(400, 401, 403, 404, 412, 413, 428),
  },
});

/** Ties: the register of municipalities' existing agreements with foreign towns, and their review. */
export function tiesRouter() {
  return newRouter()
    .openapi(listRouteDef, async (c) => {
      const query = c.req.valid("query");
      const exporting = query.format === "csv";
      const result = await listTies({ ctx: c.var.ctx, query, all: exporting });
      if (exporting) {
        const { body, headers } = csvDownload(tiesCsv(result.items), "ties.csv");
        return c.body(body, 200, headers);
      }
      return c.json(result, 200);
    })
    .openapi(reviewRouteDef, async (c) => {
      const query = c.req.valid("query");
      const review = await listReviewTies({
        ctx: c.var.ctx,
        ...(query.pending ? { pending: true } : {}),
      });
      if (query.format === "csv") {
        const { body, headers } = csvDownload(tiesCsv(review.items), "ties-review.csv");
        return c.body(body, 200, headers);
      }
      return c.json(review, 200);
    })
    .openapi(createRouteDef, async (c) => {
      const summary = await createTie({
        ctx: c.var.ctx,
        municipalityId: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      c.header("etag", etag(summary.version));
      return c.json(summary, 201);
    })
    .openapi(updateRouteDef, async (c) => {
      const summary = await updateTie({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        expectedVersion: expectedVersion(c.req.header("if-match")),
      });
      c.header("etag", etag(summary.version));
      return c.json(summary, 200);
    });
}
