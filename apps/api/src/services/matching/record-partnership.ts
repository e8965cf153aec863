import type { AgreementType, CooperationAreaCode, Partnership, Stage } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { writeAudit } from "../catalogue/write-audit";

/** Who records a partnership, as its history and the audit log name them. */
export interface RecordContext {
  actor: { id: string | null; label: string };
  at: string;
  requestId?: string | null;
}

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

/**
 * Writes a one-partner partnership with its first stage event and an audit entry. Call it inside
 * the transaction of the operation that caused it (accepting a round, a conference outcome).
 */
export async function recordPartnership({
  tx,
  hromadaId,
  partnerId,
  stage,
  agreementType,
  areas,
  note,
  signedOn,
  ctx,
}: {
  tx: Executor;
  hromadaId: string;
  partnerId: string;
  stage: Stage;
  agreementType: AgreementType;
  areas: readonly CooperationAreaCode[];
  note: string;
  signedOn?: string;
  ctx: RecordContext;
}): Promise<string> {
  const id = crypto.randomUUID();
  const partnership: Partnership = {
    id,
    hromadaId,
    partnerIds: [partnerId],
    agreementType,
    areas: [...areas],
    funding: [],
    stage,
    history: [{ from: null, to: stage, at: ctx.at, by: ctx.actor.label, note }],
    ...(signedOn ? { signedOn } : {}),
  };
  await tx.execute(sql`INSERT INTO partnerships (id, hromada_id, agreement_type, stage, areas, funding, signed_on, data, version, created_at, updated_at)
    VALUES (${id}, ${hromadaId}, ${agreementType}, ${stage}, ${sql.param(partnership.areas)}::text[], '{}'::text[],
      ${signedOn ?? null}::date, ${JSON.stringify(partnership)}::jsonb, 1, ${ctx.at}::timestamptz, ${ctx.at}::timestamptz)`);
  await tx.execute(sql`INSERT INTO partnership_partners (partnership_id, municipality_id, position)
    VALUES (${id}, ${partnerId}, 0)`);
  await tx.execute(sql`INSERT INTO partnership_events (partnership_id, seq, from_stage, to_stage, at, by, note)
    VALUES (${id}, 0, NULL, ${stage}, ${ctx.at}::timestamptz, ${ctx.actor.label}, ${note})`);
  await writeAudit({
    tx,
    at: ctx.at,
    actor: ctx.actor,
    entityType: "partnership",
    entityId: id,
    action: "create",
    after: partnership,
    requestId: ctx.requestId ?? null,
  });
  return id;
}
