import type { MeetingOutcome } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { toCsv } from "../../lib/csv";
import type { ServiceContext } from "../context";

/** One recorded outcome with the names a spreadsheet needs beside the ids. */
export interface OutcomeRecord {
  /** The meeting's round and table in the current schedule; null once a new schedule dropped the pair. */
  round: number | null;
  table: number | null;
  hromadaId: string;
  hromada: string;
  partnerId: string;
  partner: string;
  partnerCountry: string;
  outcome: MeetingOutcome;
  note: string | null;
  recordedAt: string;
  partnershipId: string | null;
}

/** Recorded outcomes as CSV: one row per pair, with names, the meeting's slot and the note. */
export function outcomesCsv(records: readonly OutcomeRecord[]): string {
  return toCsv(
    [
      "round",
      "table",
      "hromada_id",
      "hromada",
      "partner_id",
      "partner",
      "partner_country",
      "outcome",
      "note",
      "recorded_at",
      "partnership_id",
    ],
    records.map((r) => [
      r.round,
      r.table,
      r.hromadaId,
      r.hromada,
      r.partnerId,
      r.partner,
      r.partnerCountry,
      r.outcome,
      r.note,
      r.recordedAt,
      r.partnershipId,
    ]),
  );
}

/**
 * Every outcome recorded for a conference as CSV, in schedule order (round, table), then those
 * whose meeting a later schedule dropped. The caller checks that the conference exists.
 */
export async function exportOutcomes({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<string> {
  const found = await rows<{
    slot: number | null;
    table_label: string | null;
    hromada_id: string;
    hromada: string;
    partner_id: string;
    partner: string;
    partner_country: string;
    outcome: MeetingOutcome;
    note: string | null;
    recorded_at: string;
    partnership_id: string | null;
  }>(
    ctx.db.orm,
    sql`SELECT cm.slot, cm.table_label, co.hromada_id, co.partner_id, co.outcome, co.note,
          co.partnership_id, p.country AS partner_country,
          coalesce(h.names->>'latin', h.names->>'en', h.names->>'local') AS hromada,
          coalesce(p.names->>'latin', p.names->>'en', p.names->>'local') AS partner,
          to_char(co.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
        FROM conference_outcomes co
        JOIN municipalities h ON h.id = co.hromada_id
        JOIN municipalities p ON p.id = co.partner_id
        LEFT JOIN conference_meetings cm ON cm.conference_id = co.conference_id
          AND cm.hromada_id = co.hromada_id AND cm.partner_id = co.partner_id
        WHERE co.conference_id = ${id}
        ORDER BY cm.slot NULLS LAST, co.hromada_id, co.partner_id`,
  );
  const records = found.map(
    (r): OutcomeRecord => ({
      round: r.slot === null ? null : r.slot + 1,
      table: r.table_label === null ? null : Number(r.table_label) || null,
      hromadaId: r.hromada_id,
      hromada: r.hromada,
      partnerId: r.partner_id,
      partner: r.partner,
      partnerCountry: r.partner_country,
      outcome: r.outcome,
      note: r.note,
      recordedAt: r.recorded_at,
      partnershipId: r.partnership_id,
    }),
  );
  // Table labels are text, so order by table number here (a stable sort keeps the SQL order).
  const last = Number.MAX_SAFE_INTEGER;
  return outcomesCsv(
    records.sort(
      (a, b) => (a.round ?? last) - (b.round ?? last) || (a.table ?? 0) - (b.table ?? 0),
    ),
  );
}
