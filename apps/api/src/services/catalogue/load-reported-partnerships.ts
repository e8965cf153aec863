import { REPORTED_PARTNERSHIPS } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { type ServiceContext, withTransaction } from "../context";
import { insertOrFindPartnership } from "../partnerships/insert-partnership";

/**
 * Adds the partnerships named in public reporting (core's REPORTED_PARTNERSHIPS) to the real
 * catalogue, each with its source and no invented dates. Idempotent: existing ids are kept as
 * people left them. Pairs whose municipalities are not in the catalogue are skipped.
 */
export async function loadReportedPartnerships({ ctx }: { ctx: ServiceContext }): Promise<number> {
  return withTransaction(ctx, async (tx) => {
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
    // One the people entered themselves (same pair and type, still open) is kept instead.
    for (const input of usable)
      await insertOrFindPartnership({ tx, ctx, input, as: "reference import" });
    return usable.length;
  });
}

/** Takes the demo dataset out of the catalogue (see migration 0006); returns the rows cleaned. */
export async function removeDemo({ ctx }: { ctx: ServiceContext }): Promise<number> {
  const [row] = await rows<{ cleaned: number }>(
    ctx.db.orm,
    sql`SELECT pobratym_remove_demo() AS cleaned
      WHERE EXISTS (SELECT 1 FROM municipalities WHERE source = 'demo')`,
  );
  return row?.cleaned ?? 0;
}
