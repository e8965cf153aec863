import { createRoute } from "@hono/zod-openapi";
import {
  ConferenceDetail,
  ConferenceList,
  ConferenceOutcomes,
  ConferenceOutcomesInput,
  ConferenceParticipantsInput,
  ConferenceScheduleView,
  ConferenceWishesInput,
  CreateConferenceInput,
  Id,
  ScheduleConferenceInput,
} from "@pobratym/core";
import { z } from "zod";
import { ForbiddenError, NotFoundError } from "../errors";
import { csvDownload } from "../lib/csv";
import { newRouter, problemResponses } from "../lib/router";
import { requireRole } from "../middleware/auth";
import { createConference } from "../services/conferences/create-conference";
import { exportOutcomes } from "../services/conferences/export-outcomes";
import {
  CONFERENCE_EXPORT_LIMIT,
  conferencesCsv,
  getConference,
  listConferences,
  loadParticipants,
} from "../services/conferences/get-conference";
import { getSchedule, scheduleCsv } from "../services/conferences/get-schedule";
import { listOutcomes, recordOutcomes } from "../services/conferences/record-outcomes";
import { scheduleConference } from "../services/conferences/schedule-conference";
import { setParticipants } from "../services/conferences/set-participants";
import { setWishes } from "../services/conferences/set-wishes";
import { requireActor } from "../services/context";

const params = z.object({ id: Id });
const formatQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });
/** A 200 that is JSON of `schema`, or with `format=csv` a CSV download. */
const jsonOrCsv = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema }, "text/csv": { schema: z.string() } },
});
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const detailResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ConferenceDetail } },
});

const createConferenceRoute = createRoute({
  method: "post",
  path: "/conferences",
  tags: ["conferences"],
  summary: "Create a matchmaking conference (coordinators)",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { body: json(CreateConferenceInput) },
  responses: { 201: detailResponse("The new conference"), ...problemResponses(400, 401, 403, 413) },
});

const listConferencesRoute = createRoute({
  method: "get",
  path: "/conferences",
  tags: ["conferences"],
  summary: "Conferences: title, dates, place and status (public)",
  description:
    "The first 1,000, soonest first; `format=csv` downloads every conference (up to 10,000), one row each.",
  request: { query: formatQuery },
  responses: {
    200: jsonOrCsv("Every conference, soonest first, or CSV", ConferenceList),
    ...problemResponses(400),
  },
});

const getConferenceRoute = createRoute({
  method: "get",
  path: "/conferences/{id}",
  tags: ["conferences"],
  summary: "One conference (public); coordinators also see participants and wishes",
  request: { params },
  responses: { 200: detailResponse("The conference"), ...problemResponses(400, 404) },
});

const participantsDescription =
  "Municipality ids of both sides, mixed (hromadas and partner municipalities). Unknown ids are a 422.";
const replaceParticipantsRoute = createRoute({
  method: "put",
  path: "/conferences/{id}/participants",
  tags: ["conferences"],
  summary: "Set the participants, replacing the list (coordinators)",
  description: `${participantsDescription} Participants left out are removed with their wishes.`,
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, body: json(ConferenceParticipantsInput) },
  responses: {
    200: detailResponse("The conference"),
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});
const addParticipantsRoute = createRoute({
  method: "post",
  path: "/conferences/{id}/participants",
  tags: ["conferences"],
  summary: "Add participants (coordinators)",
  description: `${participantsDescription} Ids already registered are kept as they are.`,
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, body: json(ConferenceParticipantsInput) },
  responses: {
    200: detailResponse("The conference"),
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

const wishesRoute = createRoute({
  method: "put",
  path: "/conferences/{id}/wishes",
  tags: ["conferences"],
  summary: "Set ranked wishes of participants (coordinators)",
  description:
    "Per participant, the participants of the other side it wants to meet, most wanted first. Replaces the lists of " +
    "the participants named; others keep theirs. Ids that are not participants, or on the same side, are a 422.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, body: json(ConferenceWishesInput) },
  responses: {
    200: detailResponse("The conference"),
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

const scheduleRoute = createRoute({
  method: "post",
  path: "/conferences/{id}/schedule",
  tags: ["conferences"],
  summary: "Plan the 1:1 sessions, replacing any previous schedule (coordinators)",
  description:
    "Core's scheduleConference over every hromada × partner pair of participants. Interest: a stated wish adds 2 + 1/rank, " +
    "a mutual wish 2 more, and the pair's matching score adds up to 1, so wishes come first and scores order the rest. " +
    "Minimum meetings first, then the highest total interest; nobody is double-booked and a round uses at most `tables` tables.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, body: json(ScheduleConferenceInput) },
  responses: {
    200: {
      description: "The new schedule",
      content: { "application/json": { schema: ConferenceScheduleView } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

const getScheduleRoute = createRoute({
  method: "get",
  path: "/conferences/{id}/schedule",
  tags: ["conferences"],
  summary:
    "The schedule as meetings and a rounds × tables grid (coordinators, editors of participants)",
  description:
    "`format=csv` downloads the sheet to print and share: one row per meeting in round and table order, with both " +
    "municipalities' ids and names and any outcome recorded so far.",
  security: [{ bearer: [] }],
  request: { params, query: formatQuery },
  responses: {
    200: jsonOrCsv("The schedule (empty before planning), or CSV", ConferenceScheduleView),
    ...problemResponses(400, 401, 403, 404),
  },
});

const outcomesRoute = createRoute({
  method: "post",
  path: "/conferences/{id}/outcomes",
  tags: ["conferences"],
  summary: "Record meeting outcomes; a letter of intent becomes a partnership (coordinators)",
  description:
    "Per scheduled meeting: no-follow-up, follow-up or letter-of-intent. A letter of intent is written back as a partnership at " +
    "stage `letter-of-intent` (agreement type letter-of-intent) in the same transaction; recording it again, or for a pair " +
    "that already has an open partnership, creates none. A pair that did not meet is a 422.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, body: json(ConferenceOutcomesInput) },
  responses: {
    200: {
      description: "Every outcome recorded so far",
      content: { "application/json": { schema: ConferenceOutcomes } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

const listOutcomesRoute = createRoute({
  method: "get",
  path: "/conferences/{id}/outcomes",
  tags: ["conferences"],
  summary: "Recorded meeting outcomes (coordinators)",
  description:
    "`format=csv` downloads every outcome with both municipalities' names, the meeting's round and table, and the note.",
  security: [{ bearer: [] }],
  middleware: [requireRole("coordinator")] as const,
  request: { params, query: formatQuery },
  responses: {
    200: jsonOrCsv("Every outcome recorded so far, or CSV", ConferenceOutcomes),
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Matchmaking conferences: participants, wishes, 1:1 schedules and outcomes. */
export function conferencesRouter() {
  return newRouter()
    .openapi(createConferenceRoute, async (c) => {
      const detail = await createConference({
        ctx: c.var.ctx,
        input: c.req.valid("json"),
      });
      c.header("location", `/api/v1/conferences/${detail.id}`);
      return c.json(detail, 201);
    })
    .openapi(listConferencesRoute, async (c) => {
      if (c.req.valid("query").format === "csv") {
        const items = await listConferences({ ctx: c.var.ctx, limit: CONFERENCE_EXPORT_LIMIT });
        const { body, headers } = csvDownload(conferencesCsv(items), "conferences.csv");
        return c.body(body, 200, headers);
      }
      return c.json({ items: await listConferences({ ctx: c.var.ctx }) }, 200);
    })
    .openapi(getConferenceRoute, async (c) => {
      const { id } = c.req.valid("param");
      const full = c.var.ctx.actor?.role === "coordinator";
      const detail = await getConference({ ctx: c.var.ctx, id, full });
      if (!detail) throw new NotFoundError("conference", id);
      return c.json(detail, 200);
    })
    .openapi(replaceParticipantsRoute, async (c) => {
      const detail = await setParticipants({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        municipalityIds: c.req.valid("json").municipalityIds,
        replace: true,
      });
      return c.json(detail, 200);
    })
    .openapi(addParticipantsRoute, async (c) => {
      const detail = await setParticipants({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        municipalityIds: c.req.valid("json").municipalityIds,
        replace: false,
      });
      return c.json(detail, 200);
    })
    .openapi(wishesRoute, async (c) => {
      const detail = await setWishes({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(detail, 200);
    })
    .openapi(scheduleRoute, async (c) => {
      const schedule = await scheduleConference({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(schedule, 200);
    })
    .openapi(getScheduleRoute, async (c) => {
      const actor = requireActor(c.var.ctx, "coordinator", "editor");
      const { id } = c.req.valid("param");
      if (actor.role === "editor") {
        // An editor sees the schedule only of a conference their municipality takes part in.
        const participants = await loadParticipants(c.var.ctx.db.orm, id);
        if (!participants.some((p) => p.id === actor.municipalityId)) {
          const exists = await getConference({ ctx: c.var.ctx, id, full: false });
          if (!exists) throw new NotFoundError("conference", id);
          throw new ForbiddenError(
            "Only coordinators and editors of participants may see the schedule.",
          );
        }
      }
      const schedule = await getSchedule({ ctx: c.var.ctx, id });
      if (c.req.valid("query").format === "csv") {
        const { body, headers } = csvDownload(
          scheduleCsv(schedule),
          `conference-${id}-schedule.csv`,
        );
        return c.body(body, 200, headers);
      }
      return c.json(schedule, 200);
    })
    .openapi(outcomesRoute, async (c) => {
      const result = await recordOutcomes({
        ctx: c.var.ctx,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(result, 200);
    })
    .openapi(listOutcomesRoute, async (c) => {
      const { id } = c.req.valid("param");
      const exists = await getConference({ ctx: c.var.ctx, id, full: false });
      if (!exists) throw new NotFoundError("conference", id);
      if (c.req.valid("query").format === "csv") {
        const { body, headers } = csvDownload(
          await exportOutcomes({ ctx: c.var.ctx, id }),
          `conference-${id}-outcomes.csv`,
        );
        return c.body(body, 200, headers);
      }
      return c.json(await listOutcomes({ ctx: c.var.ctx, id }), 200);
    });
}
