import { REPORTED_PARTNERSHIPS } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Db, rows } from "../../db/db";
import { insertPartnerships } from "./insert-activity";

/**
 * Adds the partnerships named in public reporting (core's REPORTED_PARTNERSHIPS) to the real
 * catalogue, each with its source and no invented dates. Idempotent: existing ids are kept as
 * people left them. Pairs whose municipalities are not in the catalogue are skipped.
 */
export async function loadReportedPartnerships({
  db,
  now,
}: {
  db: Db;
  now: string;
}): Promise<number> {
  return db.orm.transaction(async (tx) => {
    const ids = [...new Set(REPORTED_PARTNERSHIPS.flatMap((p) => [p.hromadaId, ...p.partnerIds]))];
    const known = new Set(
      (
        await rows<{ id: string }>(
          tx,
          sql`SELECT id FROM municipalities WHERE id = ANY(${sql.param(ids)}::text[])`,
        )
      ).map((r) => r.id),
    );
    const usable = REPORTED_PARTNERSHIPS.filter(
      (p) => known.has(p.hromadaId) && p.partnerIds.every((id) => known.has(id)),
    );
    await insertPartnerships({ tx, partnerships: usable, now });
    return usable.length;
  });
}

/** Takes the demo dataset out of the catalogue (see migration 0006); returns the rows cleaned. */
export async function removeDemo({ db }: { db: Db }): Promise<number> {
  const [row] = await rows<{ cleaned: number }>(
    db.orm,
    sql`SELECT pobratym_remove_demo() AS cleaned
      WHERE EXISTS (SELECT 1 FROM municipalities WHERE source = 'demo')`,
  );
  return row?.cleaned ?? 0;
}
