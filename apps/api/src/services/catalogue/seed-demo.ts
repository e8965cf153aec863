import { DEMO_DATASET } from "@pobratym/core/demo";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import { type ServiceContext, withTransaction } from "../context";
import { insertPartnership } from "../partnerships/insert-partnership";
import { insertNeeds, insertOffers } from "./insert-activity";
import { upsertMunicipalities } from "./upsert-municipalities";
import { insertTies } from "./upsert-ties";

// Serialises seeding across processes that start at the same moment.
const SEED_LOCK = 7_265_021_115;

/**
 * Loads core's demo dataset when the catalogue is empty, so a fresh install has something to
 * show. Does nothing (and returns false) once any municipality exists.
 */
export async function seedDemo({ ctx }: { ctx: ServiceContext }): Promise<boolean> {
  const now = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM municipalities`);
    if ((row?.n ?? 0) > 0) return false;
    const demo = DEMO_DATASET;
    const municipalities = await upsertMunicipalities({
      tx,
      municipalities: demo.municipalities,
      source: "demo",
      now,
    });
    await insertNeeds({ tx, needs: demo.needs, now });
    await insertOffers({ tx, offers: demo.offers, now });
    await insertTies({ tx, ties: demo.ties, now });
    for (const partnership of demo.partnerships)
      await insertPartnership({ tx, ctx, input: partnership, as: "demo seed" });
    await writeAudit({
      tx,
      ctx,
      as: "demo seed",
      entityType: "catalogue",
      entityId: "demo",
      action: "seed",
      after: { municipalities },
    });
    return true;
  });
}
