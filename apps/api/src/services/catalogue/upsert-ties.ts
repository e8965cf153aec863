import type { Tie } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";

/**
 * Adds ties that are not recorded yet, keyed by (municipality, foreign country, foreign town).
 * Existing ties are left as they are: a coordinator may have frozen or reviewed one since.
 * Ties of municipalities not in the catalogue are skipped and counted.
 */
export async function insertTies({
  tx,
  ties,
  now,
}: {
  tx: Executor;
  ties: readonly Tie[];
  now: string;
}): Promise<{ inserted: number; unchanged: number; skipped: number }> {
  let inserted = 0;
  const ids = [...new Set(ties.map((t) => t.municipalityId))];
  const known = new Set(
    (
      await rows<{ id: string }>(
        tx,
        sql`SELECT id FROM municipalities WHERE id = ANY(${sql.param(ids)}::text[])`,
      )
    ).map((r) => r.id),
  );
  const usable = ties.filter((t) => known.has(t.municipalityId));
  for (let i = 0; i < usable.length; i += 200) {
    const chunk = usable.slice(i, i + 200);
    const result = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO ties (id, municipality_id, foreign_town, foreign_country, type, status, data, created_at, updated_at)
        VALUES ${sql.join(
          chunk.map(
            (t) =>
              sql`(${t.id}, ${t.municipalityId}, ${t.foreignTown}, ${t.foreignCountry}, ${t.type}, ${t.status},
                ${JSON.stringify(t)}::jsonb, ${now}::timestamptz, ${now}::timestamptz)`,
          ),
          sql`, `,
        )}
        ON CONFLICT DO NOTHING
        RETURNING id`,
    );
    inserted += result.length;
  }
  return { inserted, unchanged: usable.length - inserted, skipped: ties.length - usable.length };
}
