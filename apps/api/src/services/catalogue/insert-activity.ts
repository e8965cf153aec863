import type { Need, Offer } from "@pobratym/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";

/** Adds needs (keyed by id; existing ones are kept) for the given municipalities. */
export async function insertNeeds({
  tx,
  needs,
  now,
}: {
  tx: Executor;
  needs: Record<string, readonly Need[]>;
  now: string;
}) {
  const list = Object.entries(needs).flatMap(([municipalityId, items]) =>
    items.map((n) => ({ municipalityId, n })),
  );
  for (const { municipalityId, n } of list) {
    await tx.execute(sql`INSERT INTO needs (id, municipality_id, area, horizon, priority, status, data, created_at, updated_at)
      VALUES (${n.id}, ${municipalityId}, ${n.area}, ${n.horizon}, ${n.priority}, ${n.status},
        ${JSON.stringify(n)}::jsonb, ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (id) DO NOTHING`);
  }
  return list.length;
}

/** Adds offers (keyed by id; existing ones are kept) for the given municipalities. */
export async function insertOffers({
  tx,
  offers,
  now,
}: {
  tx: Executor;
  offers: Record<string, readonly Offer[]>;
  now: string;
}) {
  const list = Object.entries(offers).flatMap(([municipalityId, items]) =>
    items.map((o) => ({ municipalityId, o })),
  );
  for (const { municipalityId, o } of list) {
    await tx.execute(sql`INSERT INTO offers (id, municipality_id, area, experience, data, created_at, updated_at)
      VALUES (${o.id}, ${municipalityId}, ${o.area}, ${o.experience}, ${JSON.stringify(o)}::jsonb,
        ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (id) DO NOTHING`);
  }
  return list.length;
}
