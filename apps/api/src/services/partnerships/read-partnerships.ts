import {
  allowedMoves,
  isDormant,
  type Partnership,
  type PartnershipDetail,
  type PartnershipParty,
  type Stage,
  type StageEvent,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";

/** Timestamps leave the database as ISO text with microseconds, so keyset cursors compare exactly. */
export const ISO_US = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The display name of a municipality row: Latin, else English, else local. */
export const displayName = sql.raw(
  `coalesce(m.names->>'latin', m.names->>'en', m.names->>'local')`,
);

/** The instant `months` months before `now`, as ISO text: the dormancy cut-off. */
export function dormancyCutoff(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/** Core's isDormant over a partnership's stage and last recorded change. */
export function dormantAt(stage: Stage, lastActivityAt: string | null, cutoff: string): boolean {
  const history: StageEvent[] = lastActivityAt
    ? [{ from: null, to: stage, at: lastActivityAt, by: "-" }]
    : [];
  return isDormant({ stage, history }, cutoff);
}

interface PartyRow {
  partnership_id: string;
  id: string;
  name: string;
  country: string;
  region: string;
}

/** The hromada and partners (in their recorded order) of the given partnerships. */
export async function loadParties(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { hromada?: PartnershipParty; partners: PartnershipParty[] }>> {
  const out = new Map<string, { hromada?: PartnershipParty; partners: PartnershipParty[] }>();
  if (ids.length === 0) return out;
  const param = sql.param([...ids]);
  const list = await rows<PartyRow & { role: "hromada" | "partner"; position: number }>(
    db,
    sql`SELECT p.id AS partnership_id, 'hromada' AS role, 0 AS position, m.id, ${displayName} AS name, m.country, m.region_name AS region
        FROM partnerships p JOIN municipalities m ON m.id = p.hromada_id WHERE p.id = ANY(${param}::text[])
      UNION ALL
      SELECT pp.partnership_id, 'partner', pp.position, m.id, ${displayName}, m.country, m.region_name
        FROM partnership_partners pp JOIN municipalities m ON m.id = pp.municipality_id
        WHERE pp.partnership_id = ANY(${param}::text[])
      ORDER BY partnership_id, role, position`,
  );
  for (const r of list) {
    const entry = out.get(r.partnership_id) ?? { partners: [] };
    const party: PartnershipParty = {
      id: r.id,
      name: r.name,
      country: r.country,
      region: r.region,
    };
    if (r.role === "hromada") entry.hromada = party;
    else entry.partners.push(party);
    out.set(r.partnership_id, entry);
  }
  return out;
}

interface EventRow {
  from_stage: Stage | null;
  to_stage: Stage;
  at: string;
  by: string;
  note: string | null;
}

/** One partnership with its history (rebuilt from the events table, the history of record), or null. */
export async function readPartnership(
  db: Executor,
  id: string,
  opts: { now: Date; dormantMonths?: number; forUpdate?: boolean },
): Promise<PartnershipDetail | null> {
  const [row] = await rows<{ data: Partnership; version: number }>(
    db,
    opts.forUpdate
      ? sql`SELECT data, version FROM partnerships WHERE id = ${id} FOR UPDATE`
      : sql`SELECT data, version FROM partnerships WHERE id = ${id}`,
  );
  if (!row) return null;
  const events = await rows<EventRow>(
    db,
    sql`SELECT from_stage, to_stage, to_char(at AT TIME ZONE 'UTC', ${sql.raw(ISO_MS)}) AS at, by, note
        FROM partnership_events WHERE partnership_id = ${id} ORDER BY seq`,
  );
  const history: StageEvent[] = events.map((e) => ({
    from: e.from_stage,
    to: e.to_stage,
    at: e.at,
    by: e.by,
    ...(e.note ? { note: e.note } : {}),
  }));
  const partnership: Partnership = {
    ...row.data,
    history: history.length ? history : row.data.history,
  };
  const parties = (await loadParties(db, [id])).get(id);
  const cutoff = dormancyCutoff(opts.now, opts.dormantMonths ?? 6);
  return {
    partnership,
    hromada: parties?.hromada ?? {
      id: partnership.hromadaId,
      name: partnership.hromadaId,
      country: "UA",
    },
    partners: parties?.partners ?? [],
    allowedMoves: [...allowedMoves(partnership.stage)],
    dormant: isDormant(partnership, cutoff),
    version: row.version,
  };
}
