import { createRoute } from "@hono/zod-openapi";
import {
  CreatePartnershipInput,
  Id,
  MovePartnershipInput,
  PartnershipDetail,
  PartnershipListQuery,
  PartnershipPage,
} from "@pobratym/core";
import { z } from "zod";
import { csvDownload } from "../lib/csv";
import { etag, expectedVersion } from "../lib/etag";
import { etagHeader, ifMatchHeader } from "../lib/if-match";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { createPartnership } from "../services/partnerships/create-partnership";
import { getPartnership } from "../services/partnerships/get-partnership";
import { partnershipsCsv } from "../services/partnerships/list-partnerships";
import { movePartnership } from "../services/partnerships/move-partnership";
import { listPartnershipsFromMemory } from "../services/partnerships/partnership-read-model";

const createRouteDef = createRoute({
  method: "post",
  path: "/partnerships",
  tags: ["partnerships"],
  summary: "Record a new partnership (coordinators)",
  description:
    "Writes the partnership, its partners, its first stage event and an audit entry in one transaction. " +
    "422 when the hromada is not a hromada, a partner is not a partner municipality, or an id is unknown.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreatePartnershipInput } } },
  },
  responses: {
    201: {
      description: "The new partnership",
      headers: etagHeader,
      content: { "application/json": { schema: PartnershipDetail } },
    },
    ...problemResponses(400, 401, 403, 413, 422),
  },
});

const listRouteDef = createRoute({
  method: "get",
  path: "/partnerships",
  tags: ["partnerships"],
  summary: "List and filter partnerships",
  description:
    "Filters by stage, partner country, area, funding, hromada and partner; newest first with keyset pagination. " +
    "Every item carries `dormant` (no stage change for `dormantMonths` months, default 6); `dormant=true` keeps only those. " +
    "`format=csv` returns every match (up to 10,000) as a spreadsheet download.",
  request: { query: PartnershipListQuery },
  responses: {
    200: {
      description: "A page of partnerships, or CSV",
      content: {
        "application/json": { schema: PartnershipPage },
        "text/csv": { schema: z.string() },
      },
    },
    ...problemResponses(400),
  },
});

const getRouteDef = createRoute({
  method: "get",
  path: "/partnerships/{id}",
  tags: ["partnerships"],
  summary: "One partnership with its full stage history",
  request: {
    params: z.object({ id: Id }),
    query: z.strictObject({ dormantMonths: z.coerce.number().int().min(1).max(120).optional() }),
  },
  responses: {
    200: {
      description: "The partnership; the ETag carries its version",
      headers: etagHeader,
      content: { "application/json": { schema: PartnershipDetail } },
    },
    ...problemResponses(400, 404),
  },
});

const moveRouteDef = createRoute({
  method: "post",
  path: "/partnerships/{id}/moves",
  tags: ["partnerships"],
  summary: "Move a partnership to another stage (coordinators, or editors of its municipalities)",
  description:
    "Advances, steps back, pauses, resumes or ends a partnership through the stage machine. Send If-Match with the ETag " +
    "you read (412 when stale, 428 when missing). An illegal move is a 409 problem whose `allowed` lists the legal ones.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator", "editor")] as const,
  request: {
    params: z.object({ id: Id }),
    headers: ifMatchHeader,
    body: { required: true, content: { "application/json": { schema: MovePartnershipInput } } },
  },
  responses: {
    200: {
      description: "The moved partnership",
      headers: etagHeader,
      content: { "application/json": { schema: PartnershipDetail } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 428),
  },
});

/** Partnerships: the workflow from first contact to active cooperation. */
export function partnershipsRouter() {
  return newRouter()
    .openapi(createRouteDef, async (c) => {
      const detail = await createPartnership({ ctx: c.var.ctx, input: c.req.valid("json") });
      c.header("etag", etag(detail.version));
      c.header("location", `/api/v1/partnerships/${detail.partnership.id}`);
      return c.json(detail, 201);
    })
    .openapi(listRouteDef, async (c) => {
      const query = c.req.valid("query");
      const exporting = query.format === "csv";
      const result = await listPartnershipsFromMemory({ ctx: c.var.ctx, query, all: exporting });
      if (exporting) {
        const { body, headers } = csvDownload(partnershipsCsv(result.items), "partnerships.csv");
        return c.body(body, 200, headers);
      }
      return c.json(result, 200);
    })
    .openapi(getRouteDef, async (c) => {
      const { dormantMonths } = c.req.valid("query");
      const detail = await getPartnership({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        ...(dormantMonths ? { dormantMonths } : {}),
      });
      c.header("etag", etag(detail.version));
      return c.json(detail, 200);
    })
    .openapi(moveRouteDef, async (c) => {
      const detail = await movePartnership({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        expectedVersion: expectedVersion(c.req.header("if-match")),
      });
      c.header("etag", etag(detail.version));
      return c.json(detail, 200);
    });
}
