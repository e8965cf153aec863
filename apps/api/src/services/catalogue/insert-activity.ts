import type { Need, Offer, Partnership } from "@pobratym/core";
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

/** Adds partnerships with their partners and stage history; existing ids are kept as they are. */
export async function insertPartnerships({
  tx,
  partnerships,
  now,
}: {
  tx: Executor;
  partnerships: readonly Partnership[];
  now: string;
}) {
  for (const p of partnerships) {
    const inserted =
      await tx.execute(sql`INSERT INTO partnerships (id, hromada_id, agreement_type, stage, areas, funding, signed_on, data, created_at, updated_at)
      VALUES (${p.id}, ${p.hromadaId}, ${p.agreementType}, ${p.stage}, ${sql.param(p.areas)}::text[],
        ${sql.param(p.funding)}::text[], ${p.signedOn ?? null}::date, ${JSON.stringify(p)}::jsonb,
        ${p.history[0]?.at ?? now}::timestamptz, ${p.history.at(-1)?.at ?? now}::timestamptz)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`);
    if ((inserted as unknown as { rows: unknown[] }).rows.length === 0) continue;
    for (const [position, partnerId] of p.partnerIds.entries()) {
      await tx.execute(sql`INSERT INTO partnership_partners (partnership_id, municipality_id, position)
        VALUES (${p.id}, ${partnerId}, ${position})`);
    }
    for (const [seq, e] of p.history.entries()) {
      await tx.execute(sql`INSERT INTO partnership_events (partnership_id, seq, from_stage, to_stage, at, by, note)
        VALUES (${p.id}, ${seq}, ${e.from}, ${e.to}, ${e.at}::timestamptz, ${e.by}, ${e.note ?? null})`);
    }
  }
  return partnerships.length;
}
