import type {
  ConferenceScheduleView,
  MatchParty,
  MeetingOutcome,
  ScheduledMeeting,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { toCsv } from "../../lib/csv";
import type { ServiceContext } from "../context";
import { cleanParty, sqlParty } from "../rounds/get-round";
import { requireConference } from "./get-conference";

/** What a stored schedule keeps beside the meeting rows: its parameters and each meeting's interest. */
export interface StoredSchedule {
  rounds: number;
  tables: number;
  minMeetings: number;
  totalInterest: number;
  unmet: ConferenceScheduleView["unmet"];
  /** [hromadaId, partnerId, interest, mutual] per meeting. */
  interest: [string, string, number, boolean][];
}

/** The stored schedule of a conference as meetings and a rounds × tables grid (empty when none). */
export async function getSchedule({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<ConferenceScheduleView> {
  const db = ctx.db.orm;
  await requireConference(db, id);
  const [conference] = await rows<{ schedule: StoredSchedule | null }>(
    db,
    sql`SELECT data->'schedule' AS schedule FROM conferences WHERE id = ${id}`,
  );
  const stored = conference?.schedule ?? null;
  const list = await rows<{
    slot: number;
    table_label: string | null;
    hromada: MatchParty;
    partner: MatchParty;
    outcome: MeetingOutcome | null;
    partnership_id: string | null;
  }>(
    db,
    sql`SELECT cm.slot, cm.table_label, ${sqlParty("h")} AS hromada, ${sqlParty("p")} AS partner,
          co.outcome, co.partnership_id
        FROM conference_meetings cm
        JOIN municipalities h ON h.id = cm.hromada_id
        JOIN municipalities p ON p.id = cm.partner_id
        LEFT JOIN conference_outcomes co ON co.conference_id = cm.conference_id
          AND co.hromada_id = cm.hromada_id AND co.partner_id = cm.partner_id
        WHERE cm.conference_id = ${id}
        ORDER BY cm.slot, cm.table_label, cm.hromada_id`,
  );
  const interestOf = new Map(
    (stored?.interest ?? []).map(([h, p, interest, mutual]) => [
      `${h}\u0000${p}`,
      { interest, mutual },
    ]),
  );
  const meetings: ScheduledMeeting[] = list.map((r) => {
    const extra = interestOf.get(`${r.hromada.id}\u0000${r.partner.id}`);
    return {
      round: r.slot + 1,
      table: Number(r.table_label ?? "0") || 0,
      hromada: cleanParty(r.hromada),
      partner: cleanParty(r.partner),
      interest: extra?.interest ?? 0,
      mutual: extra?.mutual ?? false,
      outcome: r.outcome,
      partnershipId: r.partnership_id,
    };
  });
  meetings.sort((a, b) => a.round - b.round || a.table - b.table);
  const rounds = stored?.rounds ?? 0;
  const tables = stored?.tables ?? 0;
  const grid: (ScheduledMeeting | null)[][] = Array.from({ length: rounds }, () =>
    Array.from({ length: tables }, () => null),
  );
  for (const m of meetings) {
    const row = grid[m.round - 1];
    if (row && m.table >= 1 && m.table <= tables) row[m.table - 1] = m;
  }
  return {
    conferenceId: id,
    rounds,
    tables,
    minMeetings: stored?.minMeetings ?? 0,
    meetings,
    grid,
    totalInterest: stored?.totalInterest ?? 0,
    unmet: stored?.unmet ?? [],
  };
}

/**
 * A schedule as CSV, the sheet coordinators print and share: one row per meeting in round and
 * table order, with both municipalities' ids and names, and any outcome recorded so far.
 */
export function scheduleCsv(schedule: ConferenceScheduleView): string {
  return toCsv(
    [
      "round",
      "table",
      "hromada_id",
      "hromada",
      "hromada_region",
      "partner_id",
      "partner",
      "partner_country",
      "partner_region",
      "mutual",
      "interest",
      "outcome",
      "partnership_id",
    ],
    schedule.meetings.map((m) => [
      m.round,
      m.table,
      m.hromada.id,
      m.hromada.name,
      m.hromada.region,
      m.partner.id,
      m.partner.name,
      m.partner.country,
      m.partner.region,
      m.mutual,
      Math.round(m.interest * 100) / 100,
      m.outcome,
      m.partnershipId,
    ]),
  );
}
