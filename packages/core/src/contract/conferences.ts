import { z } from "zod";
import { Id, IsoDate, IsoDateTime, requiredText, text } from "../model/common";
import { MatchParty } from "./suggestions";

/** The body of `POST /api/v1/conferences`. */
export const CreateConferenceInput = z.strictObject({
  title: requiredText(200),
  startsOn: IsoDate,
  endsOn: IsoDate.optional(),
  location: text(200).optional(),
  description: text(4000).optional(),
});
/** The body of `POST /api/v1/conferences`. */
export type CreateConferenceInput = z.infer<typeof CreateConferenceInput>;

/** A conference's state: planned, open for registration, scheduled, held or cancelled. */
export const ConferenceStatus = z.enum(["planned", "open", "scheduled", "held", "cancelled"]);
/** A conference's state. */
export type ConferenceStatus = z.infer<typeof ConferenceStatus>;

/** What anyone may read about a conference: title, dates, place and status. */
export const ConferenceSummary = z.object({
  id: Id,
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  location: z.string().nullable(),
  status: ConferenceStatus,
});
/** What anyone may read about a conference. */
export type ConferenceSummary = z.infer<typeof ConferenceSummary>;

/** One ranked wish of a participant to meet another (rank 1 = most wanted). */
export const ConferenceWish = z.object({ fromId: Id, toId: Id, rank: z.number().int().min(1) });
/** One ranked wish. */
export type ConferenceWish = z.infer<typeof ConferenceWish>;

/** A conference with, for coordinators, its participants and wishes. */
export const ConferenceDetail = ConferenceSummary.extend({
  description: z.string().nullable(),
  /** Present for coordinators only. */
  participants: z.array(MatchParty).optional(),
  wishes: z.array(ConferenceWish).optional(),
  meetings: z.number().int().nonnegative().optional(),
});
/** A conference with its participants and wishes. */
export type ConferenceDetail = z.infer<typeof ConferenceDetail>;

/** The body of `GET /api/v1/conferences`. */
export const ConferenceList = z.object({ items: z.array(ConferenceSummary) });
/** The body of `GET /api/v1/conferences`. */
export type ConferenceList = z.infer<typeof ConferenceList>;

/** Participants to register (both sides mixed): PUT replaces the list, POST adds to it. */
export const ConferenceParticipantsInput = z.strictObject({
  municipalityIds: z
    .array(Id)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "ids must be unique"),
});
/** Participants to register. */
export type ConferenceParticipantsInput = z.infer<typeof ConferenceParticipantsInput>;

/** The body of `PUT /api/v1/conferences/{id}/wishes`: per participant, whom they want to meet, best first. */
export const ConferenceWishesInput = z.strictObject({
  wishes: z
    .array(
      z.strictObject({
        fromId: Id,
        /** Participants of the other side, most wanted first; an empty list clears the wishes. */
        toIds: z
          .array(Id)
          .max(200)
          .refine((ids) => new Set(ids).size === ids.length, "ids must be unique"),
      }),
    )
    .max(1000)
    .refine((w) => new Set(w.map((x) => x.fromId)).size === w.length, "one entry per fromId"),
});
/** The body of `PUT /api/v1/conferences/{id}/wishes`. */
export type ConferenceWishesInput = z.infer<typeof ConferenceWishesInput>;

/** The body of `POST /api/v1/conferences/{id}/schedule`. */
export const ScheduleConferenceInput = z.strictObject({
  rounds: z.number().int().min(1).max(50),
  tables: z.number().int().min(1).max(500),
  /** Meetings every participant should get, where feasible. */
  minMeetings: z.number().int().min(0).max(50).default(0),
});
/** The body of `POST /api/v1/conferences/{id}/schedule`. */
export type ScheduleConferenceInput = z.infer<typeof ScheduleConferenceInput>;

/** A meeting outcome: none, a follow-up, or a letter of intent (which becomes a partnership). */
export const MeetingOutcome = z.enum(["no-follow-up", "follow-up", "letter-of-intent"]);
/** A meeting outcome. */
export type MeetingOutcome = z.infer<typeof MeetingOutcome>;

/** One 1:1 meeting of a schedule. */
export const ScheduledMeeting = z.object({
  round: z.number().int().min(1),
  table: z.number().int().min(1),
  hromada: MatchParty,
  partner: MatchParty,
  interest: z.number(),
  /** Both sides wished to meet. */
  mutual: z.boolean(),
  outcome: MeetingOutcome.nullable(),
  partnershipId: Id.nullable(),
});
/** One 1:1 meeting. */
export type ScheduledMeeting = z.infer<typeof ScheduledMeeting>;

/** A conference schedule: meetings, and a rounds × tables grid (null = free table). */
export const ConferenceScheduleView = z.object({
  conferenceId: Id,
  rounds: z.number().int().nonnegative(),
  tables: z.number().int().nonnegative(),
  minMeetings: z.number().int().nonnegative(),
  meetings: z.array(ScheduledMeeting),
  /** `grid[r][t]` is the meeting at table t + 1 in round r + 1, or null. */
  grid: z.array(z.array(ScheduledMeeting.nullable())),
  totalInterest: z.number(),
  /** Participants whose minimum could not be met. */
  unmet: z.array(
    z.object({
      id: Id,
      side: z.enum(["hromada", "partner"]),
      meetings: z.number().int(),
      minimum: z.number().int(),
    }),
  ),
});
/** A conference schedule. */
export type ConferenceScheduleView = z.infer<typeof ConferenceScheduleView>;

/** The body of `POST /api/v1/conferences/{id}/outcomes`: outcomes of scheduled meetings. */
export const ConferenceOutcomesInput = z.strictObject({
  outcomes: z
    .array(
      z.strictObject({
        hromadaId: Id,
        partnerId: Id,
        outcome: MeetingOutcome,
        note: text(1000).optional(),
      }),
    )
    .min(1)
    .max(5000),
});
/** The body of `POST /api/v1/conferences/{id}/outcomes`. */
export type ConferenceOutcomesInput = z.infer<typeof ConferenceOutcomesInput>;

/** Outcomes as recorded, with the partnership a letter of intent became. */
export const ConferenceOutcomes = z.object({
  conferenceId: Id,
  outcomes: z.array(
    z.object({
      hromadaId: Id,
      partnerId: Id,
      outcome: MeetingOutcome,
      note: z.string().nullable(),
      recordedAt: IsoDateTime,
      partnershipId: Id.nullable(),
    }),
  ),
});
/** Outcomes as recorded. */
export type ConferenceOutcomes = z.infer<typeof ConferenceOutcomes>;
