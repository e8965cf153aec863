import {
  type ConferenceScheduleView,
  type MutualInterest,
  type PreparedHromada,
  type PreparedPartner,
  scheduleConference as planSchedule,
  type ScheduleConferenceInput,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { getMatchingCatalogue } from "../matching/matching-cache";
import { requireConference } from "./get-conference";
import { getSchedule, type StoredSchedule } from "./get-schedule";

/** Interest one stated wish adds: 3 for a first choice, falling towards 2 further down the list. */
export function wishPoints(rank: number): number {
  return 2 + 1 / rank;
}

/** Extra interest when both sides wished to meet each other. */
export const MUTUAL_BONUS = 2;

/**
 * A pair's interest: the wishes each side stated (more for a higher rank, a bonus when mutual),
 * plus the pair's matching score scaled to [0, 1], so that wishes dominate and the score orders
 * pairs nobody asked for. Any wish outweighs any score.
 */
export function pairInterest(
  hromadaRank: number | undefined,
  partnerRank: number | undefined,
  score: number,
): { interest: number; mutual: boolean } {
  const mutual = hromadaRank !== undefined && partnerRank !== undefined;
  const wishes =
    (hromadaRank === undefined ? 0 : wishPoints(hromadaRank)) +
    (partnerRank === undefined ? 0 : wishPoints(partnerRank)) +
    (mutual ? MUTUAL_BONUS : 0);
  return { interest: wishes + Math.min(1, Math.max(0, score) / 100), mutual };
}

/**
 * Plans the 1:1 sessions with core's scheduleConference: interest from stated wishes (higher
 * when mutual) plus pair scores; nobody double-booked, at most `tables` meetings a round, minimum
 * meetings first. Replaces the previous schedule in one transaction.
 */
export async function scheduleConference({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: ScheduleConferenceInput;
}): Promise<ConferenceScheduleView> {
  requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  // Scores come from the shared profile cache, checked fresh, before the transaction starts.
  const { prepare } = await getMatchingCatalogue(ctx.db, { fresh: true });
  const prepared = prepare({ excludeReviewCountryTies: true });
  await withTransaction(ctx, async (tx) => {
    await requireConference(tx, id, true);
    const participants = await rows<{ id: string; kind: "hromada" | "partner" }>(
      tx,
      sql`SELECT m.id, m.kind FROM conference_participants cp JOIN municipalities m ON m.id = cp.municipality_id
          WHERE cp.conference_id = ${id} ORDER BY m.id`,
    );
    const left = participants.filter((p) => p.kind === "hromada");
    const right = participants.filter((p) => p.kind === "partner");
    if (left.length === 0 || right.length === 0) {
      throw new UnprocessableError(
        "A schedule needs participants on both sides (hromadas and partners).",
      );
    }
    const wishes = await rows<{ from_id: string; to_id: string; rank: number }>(
      tx,
      sql`SELECT from_id, to_id, rank FROM conference_wishes WHERE conference_id = ${id}`,
    );
    const rank = new Map(wishes.map((w) => [`${w.from_id}\u0000${w.to_id}`, w.rank]));
    const interest: MutualInterest[] = [];
    const mutualOf = new Map<string, boolean>();
    for (const h of left) {
      const ph = prepared.byId.get(h.id);
      for (const p of right) {
        const pp = prepared.byId.get(p.id);
        const score =
          ph?.kind === "hromada" && pp?.kind === "partner"
            ? prepared.scorer.score(ph as PreparedHromada, pp as PreparedPartner)
            : 0;
        const pair = pairInterest(
          rank.get(`${h.id}\u0000${p.id}`),
          rank.get(`${p.id}\u0000${h.id}`),
          score,
        );
        mutualOf.set(`${h.id}\u0000${p.id}`, pair.mutual);
        interest.push({ leftId: h.id, rightId: p.id, weight: pair.interest });
      }
    }
    const plan = planSchedule({
      left: left.map((p) => ({ id: p.id })),
      right: right.map((p) => ({ id: p.id })),
      interest,
      rounds: input.rounds,
      tables: input.tables,
      minMeetings: input.minMeetings,
    });
    await tx.execute(sql`DELETE FROM conference_meetings WHERE conference_id = ${id}`);
    if (plan.meetings.length > 0) {
      await tx.execute(sql`INSERT INTO conference_meetings (conference_id, slot, table_label, hromada_id, partner_id)
        VALUES ${sql.join(
          plan.meetings.map(
            (m) => sql`(${id}, ${m.round - 1}, ${String(m.table)}, ${m.leftId}, ${m.rightId})`,
          ),
          sql`, `,
        )}`);
    }
    const stored: StoredSchedule = {
      rounds: input.rounds,
      tables: input.tables,
      minMeetings: input.minMeetings,
      totalInterest: plan.totalInterest,
      unmet: plan.unmet.map((u) => ({
        id: u.id,
        side: u.side === "left" ? "hromada" : "partner",
        meetings: u.meetings,
        minimum: u.minimum,
      })),
      interest: plan.meetings.map((m) => [
        m.leftId,
        m.rightId,
        m.interest,
        mutualOf.get(`${m.leftId}\u0000${m.rightId}`) ?? false,
      ]),
    };
    await tx.execute(sql`UPDATE conferences SET data = data || jsonb_build_object('schedule', ${JSON.stringify(stored)}::jsonb),
      status = CASE WHEN status IN ('planned', 'open') THEN 'scheduled' ELSE status END,
      version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "conference",
      entityId: id,
      action: "schedule",
      after: { ...input, meetings: plan.meetings.length, totalInterest: plan.totalInterest },
    });
  });
  return getSchedule({ ctx, id });
}
