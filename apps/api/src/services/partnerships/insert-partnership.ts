import type { Partnership } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { DuplicatePartnershipError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext, Tx } from "../context";

/**
 * The id of a partnership between exactly this hromada and partner that has not ended, if any:
 * accepting a pair twice (or from a round and a conference) must not record it twice.
 */
export async function openPartnershipBetween(
  tx: Executor,
  hromadaId: string,
  partnerId: string,
): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`SELECT p.id FROM partnerships p JOIN partnership_partners pp ON pp.partnership_id = p.id
        WHERE p.hromada_id = ${hromadaId} AND pp.municipality_id = ${partnerId} AND p.stage <> 'ended'
        ORDER BY p.created_at, p.id LIMIT 1`,
  );
  return row?.id ?? null;
}

// The advisory-lock namespace of "one open partnership per hromada, partner and agreement type".
const PAIR_LOCK = 72_650_211;

/** What "the same partnership" means: one hromada, one partner, one agreement type. */
export interface PairKey {
  hromadaId: string;
  partnerId: string;
  agreementType: Partnership["agreementType"];
}

/**
 * Takes, until the transaction ends, the lock of each (hromada, partner, agreement type). Locks
 * are taken in one global order, so writers whose pairs overlap cannot deadlock. A writer that
 * will insert several partnerships (round acceptance, conference outcomes) locks them all first;
 * taking a lock again in the same transaction is free.
 */
export async function lockPairs(tx: Tx, keys: readonly PairKey[]): Promise<void> {
  const names = [
    ...new Set(keys.map((k) => JSON.stringify([k.hromadaId, k.partnerId, k.agreementType]))),
  ].sort();
  for (const name of names)
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAIR_LOCK}::int, hashtext(${name}))`);
}

/**
 * Locks the pairs of `p` and returns an open partnership that already covers one of them, if any.
 * Under the lock the check sees every partnership committed before it, so check-then-insert cannot
 * race.
 */
async function lockOpenDuplicate(tx: Tx, p: Partnership): Promise<string | null> {
  const partners = [...new Set(p.partnerIds)];
  await lockPairs(
    tx,
    partners.map((partnerId) => ({
      hromadaId: p.hromadaId,
      partnerId,
      agreementType: p.agreementType,
    })),
  );
  const [row] = await rows<{ id: string }>(
    tx,
    sql`SELECT p.id FROM partnerships p JOIN partnership_partners pp ON pp.partnership_id = p.id
        WHERE p.hromada_id = ${p.hromadaId} AND pp.municipality_id = ANY(${sql.param(partners)}::text[])
          AND p.agreement_type = ${p.agreementType} AND p.stage <> 'ended'
        ORDER BY p.created_at, p.id LIMIT 1`,
  );
  return row?.id ?? null;
}

/**
 * Writes one partnership: its row, its partners in order, its whole stage history and an audit
 * entry, inside the caller's transaction. Every path that creates a partnership comes here (the
 * create route, round acceptance, conference outcomes, the demo and reference loads), so the rule
 * of which partnerships may exist lives here: at most one open partnership (stage not `ended`)
 * per hromada, partner and agreement type. A second one throws `DuplicatePartnershipError` (409)
 * naming the existing one; two agreements of different types between one pair are allowed.
 * The row is created at its first history entry and last changed at its last one. An id that
 * exists already is left as it is and false is returned (loading a dataset twice changes nothing).
 */
export async function insertPartnership({
  tx,
  ctx,
  input,
  as,
}: {
  tx: Tx;
  ctx: ServiceContext;
  input: Partnership;
  /** Who records it when nobody is signed in (the audit log's label): "demo seed". */
  as?: string;
}): Promise<boolean> {
  const p = input;
  const now = ctx.now.toISOString();
  const [known] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM partnerships WHERE id = ${p.id}`,
  );
  if (known) return false;
  if (p.stage !== "ended") {
    const existing = await lockOpenDuplicate(tx, p);
    if (existing) throw new DuplicatePartnershipError(existing);
  }
  const inserted = await rows<{ id: string }>(
    tx,
    sql`INSERT INTO partnerships (id, hromada_id, agreement_type, stage, areas, funding, signed_on, data, version, created_at, updated_at)
      VALUES (${p.id}, ${p.hromadaId}, ${p.agreementType}, ${p.stage}, ${sql.param(p.areas)}::text[],
        ${sql.param(p.funding)}::text[], ${p.signedOn ?? null}::date, ${JSON.stringify(p)}::jsonb, 1,
        ${p.history[0]?.at ?? now}::timestamptz, ${p.history.at(-1)?.at ?? now}::timestamptz)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`,
  );
  if (inserted.length === 0) return false;
  await tx.execute(sql`INSERT INTO partnership_partners (partnership_id, municipality_id, position)
    VALUES ${sql.join(
      p.partnerIds.map((pid, position) => sql`(${p.id}, ${pid}, ${position})`),
      sql`, `,
    )}`);
  if (p.history.length > 0)
    await tx.execute(sql`INSERT INTO partnership_events (partnership_id, seq, from_stage, to_stage, at, by, note)
    VALUES ${sql.join(
      p.history.map(
        (e, seq) =>
          sql`(${p.id}, ${seq}, ${e.from}, ${e.to}, ${e.at}::timestamptz, ${e.by}, ${e.note ?? null})`,
      ),
      sql`, `,
    )}`);
  await writeAudit({
    tx,
    ctx,
    entityType: "partnership",
    entityId: p.id,
    action: "create",
    after: p,
    ...(as ? { as } : {}),
  });
  return true;
}

/**
 * `insertPartnership`, except that an open partnership of the same type already covering the
 * pair is an answer rather than an error: its id comes back with `created: false`. For paths
 * that link a pair to its partnership (round acceptance, conference outcomes).
 */
export async function insertOrFindPartnership(args: {
  tx: Tx;
  ctx: ServiceContext;
  input: Partnership;
  as?: string;
}): Promise<{ id: string; created: boolean }> {
  try {
    await insertPartnership(args);
    return { id: args.input.id, created: true };
  } catch (error) {
    if (error instanceof DuplicatePartnershipError) return { id: error.existingId, created: false };
    throw error;
  }
}
