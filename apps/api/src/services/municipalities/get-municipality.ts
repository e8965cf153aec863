import type { MunicipalityProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";

interface EventRow {
  partnership_id: string;
  from_stage: string | null;
  to_stage: string;
  at: string;
  by: string;
  note: string | null;
}

/**
 * The public profile of one municipality with its needs, offers, ties and partnerships.
 * Contact persons are never part of it (they are personal data, shown only to signed-in users).
 */
export async function getMunicipality({
  ctx,
  id,
  includeDrafts = false,
}: {
  ctx: ServiceContext;
  id: string;
  /** Also find draft profiles (for coordinators and the municipality's own editors). */
  includeDrafts?: boolean;
}): Promise<MunicipalityProfile> {
  const db = ctx.db.orm;
  const [row] = await rows<{ data: MunicipalityProfile["municipality"]; version: number }>(
    db,
    sql`SELECT data, version FROM municipalities
        WHERE id = ${id} AND (status = 'published' OR ${includeDrafts}::boolean)`,
  );
  if (!row) throw new NotFoundError("municipality", id);
  const [needs, offers, ties, partnerships, events] = await Promise.all([
    rows<{ data: MunicipalityProfile["needs"][number] }>(
      db,
      sql`SELECT data FROM needs WHERE municipality_id = ${id} ORDER BY created_at, id`,
    ),
    rows<{ data: MunicipalityProfile["offers"][number] }>(
      db,
      sql`SELECT data FROM offers WHERE municipality_id = ${id} ORDER BY created_at, id`,
    ),
    rows<{ data: MunicipalityProfile["ties"][number] }>(
      db,
      sql`SELECT data FROM ties WHERE municipality_id = ${id} ORDER BY foreign_country, foreign_town`,
    ),
    rows<{ id: string; data: MunicipalityProfile["partnerships"][number] }>(
      db,
      sql`SELECT p.id, p.data FROM partnerships p
          WHERE p.hromada_id = ${id}
             OR EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.municipality_id = ${id})
          ORDER BY p.created_at, p.id`,
    ),
    rows<EventRow>(
      db,
      sql`SELECT e.partnership_id, e.from_stage, e.to_stage,
            to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, e.by, e.note
          FROM partnership_events e JOIN partnerships p ON p.id = e.partnership_id
          WHERE p.hromada_id = ${id}
             OR EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.municipality_id = ${id})
          ORDER BY e.partnership_id, e.seq`,
    ),
  ]);
  // The events table is the history of record; `data.history` is rebuilt from it.
  const history = new Map<string, MunicipalityProfile["partnerships"][number]["history"]>();
  for (const e of events) {
    const list = history.get(e.partnership_id) ?? [];
    list.push({
      from: e.from_stage as never,
      to: e.to_stage as never,
      at: e.at,
      by: e.by,
      ...(e.note ? { note: e.note } : {}),
    });
    history.set(e.partnership_id, list);
  }
  return {
    municipality: row.data,
    needs: needs.map((n) => n.data),
    offers: offers.map((o) => o.data),
    ties: ties.map((t) => t.data),
    partnerships: partnerships.map((p) => ({
      ...p.data,
      history: history.get(p.id) ?? p.data.history ?? [],
    })),
    version: row.version,
  };
}
