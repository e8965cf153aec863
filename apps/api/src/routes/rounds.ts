import { createRoute } from "@hono/zod-openapi";
import {
  AcceptRoundInput,
  AcceptRoundResult,
  CreateRoundInput,
  Id,
  RoundDetail,
  RoundList,
} from "@pobratym/core";
import { z } from "zod";
import { NotFoundError } from "../errors";
import { csvDownload } from "../lib/csv";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { acceptRound } from "../services/rounds/accept-round";
import { createRound } from "../services/rounds/create-round";
import {
  getRound,
  listRounds,
  ROUND_EXPORT_LIMIT,
  roundCsv,
  roundsCsv,
} from "../services/rounds/get-round";

const formatQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

const createRoundRoute = createRoute({
  method: "post",
  path: "/rounds",
  tags: ["rounds"],
  summary: "Plan and store a national matching round (coordinators)",
  description:
    "Selects published hromadas and partners by the filters, then runs core's planRound: the exact optimum (or, with " +
    "`mode: stable`, deferred acceptance with the proposing side), under demand, capacity, pinned and forbidden pairs and " +
    "a score floor; `maximiseMatched` first matches as many hromadas as possible. An optimal round is also solved stably " +
    "for comparison (`result.stable`). The round, its parameters, its summary and every proposed pair with its " +
    "explanation are stored, so what was proposed can be read later. Ids outside the selection are a 422.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateRoundInput } } },
  },
  responses: {
    201: {
      description: "The stored round with its proposals",
      content: { "application/json": { schema: RoundDetail } },
    },
    ...problemResponses(400, 401, 403, 413, 422),
  },
});

const listRoundsRoute = createRoute({
  method: "get",
  path: "/rounds",
  tags: ["rounds"],
  summary: "Stored rounds, newest first (coordinators)",
  description:
    "The newest 500 rounds; `format=csv` downloads every stored round (up to 10,000), one row each with its counts.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { query: formatQuery },
  responses: {
    200: {
      description: "Round summaries, or CSV",
      content: { "application/json": { schema: RoundList }, "text/csv": { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const getRoundRoute = createRoute({
  method: "get",
  path: "/rounds/{id}",
  tags: ["rounds"],
  summary: "One stored round with its proposals (coordinators)",
  description:
    "`format=csv` downloads the proposed pairs with each score component's contribution.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    params: z.object({ id: Id }),
    query: formatQuery,
  },
  responses: {
    200: {
      description: "The round, or its pairs as CSV",
      content: { "application/json": { schema: RoundDetail }, "text/csv": { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const acceptRoundRoute = createRoute({
  method: "post",
  path: "/rounds/{id}/accept",
  tags: ["rounds"],
  summary: "Accept proposed pairs: they become partnerships at stage contact (coordinators)",
  description:
    "`{ pairs: [{ hromadaId, partnerId }] }` or `{ all: true }`. Each accepted pair becomes a municipal partnership at " +
    "stage `contact` with the matched areas, a history entry and an audit entry, all in one transaction. Idempotent: " +
    "pairs accepted before (or already in an open partnership) are listed under `alreadyAccepted` and nothing new is " +
    "written for them (200). A pair the round did not propose is a 422 and nothing is written.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    params: z.object({ id: Id }),
    body: { required: true, content: { "application/json": { schema: AcceptRoundInput } } },
  },
  responses: {
    200: {
      description: "What was accepted",
      content: { "application/json": { schema: AcceptRoundResult } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

/** National matching rounds: plan, review, accept. */
export function roundsRouter() {
  return newRouter()
    .openapi(createRoundRoute, async (c) => {
      const round = await createRound({
        ctx: c.var.ctx,
        input: c.req.valid("json"),
      });
      c.header("location", `/api/v1/rounds/${round.id}`);
      return c.json(round, 201);
    })
    .openapi(listRoundsRoute, async (c) => {
      if (c.req.valid("query").format === "csv") {
        const items = await listRounds({ ctx: c.var.ctx, limit: ROUND_EXPORT_LIMIT });
        const { body, headers } = csvDownload(roundsCsv(items), "rounds.csv");
        return c.body(body, 200, headers);
      }
      return c.json({ items: await listRounds({ ctx: c.var.ctx }) }, 200);
    })
    .openapi(getRoundRoute, async (c) => {
      const { id } = c.req.valid("param");
      const round = await getRound({ ctx: c.var.ctx, id });
      if (!round) throw new NotFoundError("round", id);
      if (c.req.valid("query").format === "csv") {
        const { body, headers } = csvDownload(roundCsv(round), `round-${id}.csv`);
        return c.body(body, 200, headers);
      }
      return c.json(round, 200);
    })
    .openapi(acceptRoundRoute, async (c) => {
      const result = await acceptRound({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(result, 200);
    });
}
