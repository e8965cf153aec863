import { DEMO_DATASET } from "@pobratym/core/demo";
import { sql } from "drizzle-orm";
import { type Db, rows } from "../../db/db";
import { insertNeeds, insertOffers, insertPartnerships } from "./insert-activity";
import { upsertMunicipalities } from "./upsert-municipalities";
import { insertTies } from "./upsert-ties";
import { writeAudit } from "./write-audit";

// Serialises seeding across processes that start at the same moment.
const SEED_LOCK = 7_265_021_115;

/**
 * Loads core's demo dataset when the catalogue is empty, so a fresh install has something to
 * show. Does nothing (and returns false) once any municipality exists.
 */
export async function seedDemo({ db, now }: { db: Db; now: string }): Promise<boolean> {
  return db.orm.transaction(async (tx) => {
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
    await insertPartnerships({ tx, partnerships: demo.partnerships, now });
    await writeAudit({
      tx,
      at: now,
      actor: { id: null, label: "demo seed" },
      entityType: "catalogue",
      entityId: "demo",
      action: "seed",
      after: { municipalities },
    });
    return true;
  });
}
