import { createRoute } from "@hono/zod-openapi";
import {
  ApproveQuestionnaireInput,
  Id,
  Questionnaire,
  QuestionnaireReview,
  QuestionnaireStatus,
  QuestionnaireSubmission,
  ReviewQuestionnaireInput,
} from "@pobratym/core";
import { z } from "zod";
import { csvDownload } from "../lib/csv";
import { clientAddress } from "../lib/public-origin";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { enforceLimit, QUESTIONNAIRE_LIMIT } from "../middleware/rate-limit";
import {
  approveQuestionnaire,
  reviewQuestionnaire,
} from "../services/questionnaires/approve-questionnaire";
import {
  getQuestionnaire,
  listQuestionnaires,
  QUESTIONNAIRE_EXPORT_LIMIT,
  questionnairesCsv,
} from "../services/questionnaires/list-questionnaires";
import { rejectQuestionnaire } from "../services/questionnaires/reject-questionnaire";
import { submitQuestionnaire } from "../services/questionnaires/submit-questionnaire";

export { QUESTIONNAIRE_LIMIT } from "../middleware/rate-limit";

const params = z.object({ id: Id });

const submitRoute = createRoute({
  method: "post",
  path: "/questionnaires",
  tags: ["questionnaires"],
  summary: "Submit the intake questionnaire (no sign-in needed)",
  description:
    "Creates a draft partner profile for a municipality not yet in the catalogue; a coordinator reviews it. " +
    `At most ${QUESTIONNAIRE_LIMIT.submissions} submissions an hour from one client address.`,
  request: { body: { required: true, content: { "application/json": { schema: Questionnaire } } } },
  responses: {
    200: {
      description:
        "The same answers for the same municipality already await review: that submission, unchanged",
      content: { "application/json": { schema: QuestionnaireSubmission } },
    },
    201: {
      description: "The stored submission",
      content: { "application/json": { schema: QuestionnaireSubmission } },
    },
    ...problemResponses(400, 429),
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/questionnaires",
  tags: ["questionnaires"],
  summary: "Submitted questionnaires, newest first (coordinators only)",
  description:
    "The newest 200; `format=csv` downloads every match (up to 10,000), one row per submission with the contact " +
    "person's details, so it is never cached.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    query: z.strictObject({
      status: QuestionnaireStatus.optional(),
      format: z.enum(["json", "csv"]).default("json"),
    }),
  },
  responses: {
    200: {
      description: "The submissions, or CSV",
      content: {
        "application/json": { schema: z.object({ items: z.array(QuestionnaireSubmission) }) },
        "text/csv": { schema: z.string() },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/questionnaires/{id}",
  tags: ["questionnaires"],
  summary: "One submission (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params },
  responses: {
    200: {
      description: "The submission",
      content: { "application/json": { schema: QuestionnaireSubmission } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const reviewRoute = createRoute({
  method: "get",
  path: "/questionnaires/{id}/review",
  tags: ["questionnaires"],
  summary: "What approving would do (coordinators only)",
  description:
    "The whole submission, the catalogue municipality it would be approved into (named by `municipalityId`, " +
    "or else by the answers' country and official code), why the answers do not match that row, and the " +
    "profile fields approval would change. Nothing typed is trusted: a mismatch blocks approval unless the " +
    "municipality is chosen explicitly.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, query: z.strictObject({ municipalityId: Id.optional() }) },
  responses: {
    200: {
      description: "The review",
      content: { "application/json": { schema: QuestionnaireReview } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const approveRoute = createRoute({
  method: "post",
  path: "/questionnaires/{id}/approve",
  tags: ["questionnaires"],
  summary: "Publish the profile, its offers and contact (coordinators only, one transaction)",
  description:
    "Refused with 422 `questionnaire-mismatch` when the answers' country, official code or name do not match " +
    "the catalogue row they point at; send `municipalityId` to approve into a municipality you chose.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    params,
    body: {
      required: false,
      content: { "application/json": { schema: ApproveQuestionnaireInput } },
    },
  },
  responses: {
    200: {
      description: "The accepted submission",
      content: { "application/json": { schema: QuestionnaireSubmission } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const rejectRoute = createRoute({
  method: "post",
  path: "/questionnaires/{id}/reject",
  tags: ["questionnaires"],
  summary: "Reject a submission; its unused draft profile is removed (coordinators only)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: {
    params,
    body: {
      required: false,
      content: { "application/json": { schema: ReviewQuestionnaireInput } },
    },
  },
  responses: {
    200: {
      description: "The rejected submission",
      content: { "application/json": { schema: QuestionnaireSubmission } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The intake questionnaire: anyone submits, coordinators review. */
export function questionnairesRouter() {
  return newRouter()
    .openapi(submitRoute, async (c) => {
      if (!c.var.ctx.actor) {
        const submissions = c.var.limits.questionnaires;
        const address = clientAddress(c);
        await enforceLimit(c, [[submissions, address]]);
        await submissions.hit(address, c.var.ctx.now.getTime());
      }
      const { submission, created } = await submitQuestionnaire({
        ctx: c.var.ctx,
        input: c.req.valid("json"),
      });
      return created ? c.json(submission, 201) : c.json(submission, 200);
    })
    .openapi(listRoute, async (c) => {
      c.header("cache-control", "private, no-store");
      const { status, format } = c.req.valid("query");
      if (format === "csv") {
        const items = await listQuestionnaires({
          ctx: c.var.ctx,
          status,
          limit: QUESTIONNAIRE_EXPORT_LIMIT,
        });
        const { body, headers } = csvDownload(questionnairesCsv(items), "questionnaires.csv");
        return c.body(body, 200, headers);
      }
      return c.json({ items: await listQuestionnaires({ ctx: c.var.ctx, status }) }, 200);
    })
    .openapi(getRoute, async (c) => {
      c.header("cache-control", "private, no-store");
      return c.json(await getQuestionnaire({ ctx: c.var.ctx, id: c.req.valid("param").id }), 200);
    })
    .openapi(reviewRoute, async (c) => {
      c.header("cache-control", "private, no-store");
      const review = await reviewQuestionnaire({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        municipalityId: c.req.valid("query").municipalityId,
      });
      return c.json(review, 200);
    })
    .openapi(approveRoute, async (c) => {
      const body = c.req.header("content-type") ? c.req.valid("json") : {};
      const result = await approveQuestionnaire({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        municipalityId: body.municipalityId,
      });
      return c.json(result, 200);
    })
    .openapi(rejectRoute, async (c) => {
      const body = c.req.header("content-type") ? c.req.valid("json") : {};
      const result = await rejectQuestionnaire({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        note: body.note,
      });
      return c.json(result, 200);
    });
}
