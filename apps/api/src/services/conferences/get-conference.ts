import type {
  ConferenceDetail,
  ConferenceSummary,
  ConferenceWish,
  MatchParty,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { toCsv } from "../../lib/csv";
import type { ServiceContext } from "../context";
import { cleanParty, sqlParty } from "../rounds/get-round";

interface ConferenceRow {
  id: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  location: string | null;
  status: ConferenceSummary["status"];
  data: { description?: string | null };
}

const columns = sql.raw(`c.id, c.title, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on, c.location, c.status, c.data`);

function summaryOf(r: ConferenceRow): ConferenceSummary {
  return {
    id: r.id,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    location: r.location,
    status: r.status,
  };
}

/** The most conferences a CSV export holds (the JSON list shows the first 1,000). */
export const CONFERENCE_EXPORT_LIMIT = 10_000;

/** Every conference, soonest first: what anyone may read. */
export async function listConferences({
  ctx,
  limit = 1000,
}: {
  ctx: ServiceContext;
  limit?: number;
}): Promise<ConferenceSummary[]> {
  const list = await rows<ConferenceRow>(
    ctx.db.orm,
    sql`SELECT ${columns} FROM conferences c ORDER BY c.starts_on, c.id LIMIT ${limit}`,
  );
  return list.map(summaryOf);
}

/** Conferences as CSV for coordinators' spreadsheets: one row each, as the public list shows them. */
export function conferencesCsv(items: readonly ConferenceSummary[]): string {
  return toCsv(
    ["id", "title", "starts_on", "ends_on", "location", "status"],
    items.map((c) => [c.id, c.title, c.startsOn, c.endsOn, c.location, c.status]),
  );
}

/** Throws 404 unless the conference exists; returns its title and status. */
export async function requireConference(
  db: Executor,
  id: string,
  lock = false,
): Promise<{ id: string; title: string; starts_on: string; status: string }> {
  const [row] = await rows<{ id: string; title: string; starts_on: string; status: string }>(
    db,
    lock
      ? sql`SELECT id, title, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, status FROM conferences WHERE id = ${id} FOR UPDATE`
      : sql`SELECT id, title, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, status FROM conferences WHERE id = ${id}`,
  );
  if (!row) throw new NotFoundError("conference", id);
  return row;
}

/** The participants of a conference, hromadas first, then by id. */
export async function loadParticipants(db: Executor, id: string): Promise<MatchParty[]> {
  const list = await rows<{ party: MatchParty }>(
    db,
    sql`SELECT ${sqlParty("m")} AS party FROM conference_participants cp
        JOIN municipalities m ON m.id = cp.municipality_id
        WHERE cp.conference_id = ${id} ORDER BY m.kind, m.id`,
  );
  return list.map((r) => cleanParty(r.party));
}

/** The ranked wishes of a conference. */
export async function loadWishes(db: Executor, id: string): Promise<ConferenceWish[]> {
  return rows<ConferenceWish>(
    db,
    sql`SELECT from_id AS "fromId", to_id AS "toId", rank FROM conference_wishes
        WHERE conference_id = ${id} ORDER BY from_id, rank, to_id`,
  );
}

/** One conference, or null; with `full`, its participants, wishes and meeting count too. */
export async function getConference({
  ctx,
  id,
  full,
}: {
  ctx: ServiceContext;
  id: string;
  full: boolean;
}): Promise<ConferenceDetail | null> {
  const db = ctx.db.orm;
  const [row] = await rows<ConferenceRow>(
    db,
    sql`SELECT ${columns} FROM conferences c WHERE c.id = ${id}`,
  );
  if (!row) return null;
  const detail: ConferenceDetail = { ...summaryOf(row), description: row.data.description ?? null };
  if (!full) return detail;
  const [participants, wishes, [count]] = await Promise.all([
    loadParticipants(db, id),
    loadWishes(db, id),
    rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM conference_meetings WHERE conference_id = ${id}`,
    ),
  ]);
  return { ...detail, participants, wishes, meetings: count?.n ?? 0 };
}
