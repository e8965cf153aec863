import type { CreatePartnershipInput, Partnership, PartnershipDetail } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Db, rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../catalogue/write-audit";
import { readPartnership } from "./read-partnerships";

/** Who makes a change, as the history and the audit log record it. */
export interface ChangeContext {
  actor: { id: string | null; label: string };
  now: Date;
  requestId?: string | null;
}

/**
 * Records a new partnership: the row, its partners, its first stage event and an audit entry, all in
 * one transaction. The hromada must be a hromada and every partner a partner municipality (422).
 */
export async function createPartnership({
  db,
  input,
  ctx,
}: {
  db: Db;
  input: CreatePartnershipInput;
  ctx: ChangeContext;
}): Promise<PartnershipDetail> {
  const ids = [input.hromadaId, ...input.partnerIds];
  const at = ctx.now.toISOString();
  const id = crypto.randomUUID();
  return db.orm.transaction(async (tx) => {
    const found = await rows<{ id: string; kind: "hromada" | "partner" }>(
      tx,
      sql`SELECT id, kind FROM municipalities WHERE id = ANY(${sql.param(ids)}::text[])`,
    );
    const kinds = new Map(found.map((r) => [r.id, r.kind]));
    const errors: { path: string; message: string; code: string }[] = [];
    const check = (path: string, mid: string, kind: "hromada" | "partner") => {
      const actual = kinds.get(mid);
      if (!actual)
        errors.push({ path, message: `no municipality with id "${mid}"`, code: "not-found" });
      else if (actual !== kind)
        errors.push({
          path,
          message: `"${mid}" is a ${actual}, not a ${kind}`,
          code: "wrong-kind",
        });
    };
    check("hromadaId", input.hromadaId, "hromada");
    for (const [i, pid] of input.partnerIds.entries()) check(`partnerIds.${i}`, pid, "partner");
    if (errors.length)
      throw new UnprocessableError(
        "The partnership refers to municipalities that do not fit.",
        errors,
      );

    const partnership: Partnership = {
      id,
      hromadaId: input.hromadaId,
      partnerIds: input.partnerIds,
      agreementType: input.agreementType,
      areas: input.areas,
      funding: input.funding,
      stage: input.stage,
      history: [{ from: null, to: input.stage, at, by: ctx.actor.label }],
      ...(input.signedOn ? { signedOn: input.signedOn } : {}),
      ...(input.description ? { description: input.description } : {}),
    };
    await tx.execute(sql`INSERT INTO partnerships (id, hromada_id, agreement_type, stage, areas, funding, signed_on, data, version, created_at, updated_at)
      VALUES (${id}, ${partnership.hromadaId}, ${partnership.agreementType}, ${partnership.stage},
        ${sql.param(partnership.areas)}::text[], ${sql.param(partnership.funding)}::text[], ${partnership.signedOn ?? null}::date,
        ${JSON.stringify(partnership)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz)`);
    await tx.execute(sql`INSERT INTO partnership_partners (partnership_id, municipality_id, position)
      VALUES ${sql.join(
        partnership.partnerIds.map((pid, position) => sql`(${id}, ${pid}, ${position})`),
        sql`, `,
      )}`);
    await tx.execute(sql`INSERT INTO partnership_events (partnership_id, seq, from_stage, to_stage, at, by, note)
      VALUES (${id}, 0, NULL, ${partnership.stage}, ${at}::timestamptz, ${ctx.actor.label}, NULL)`);
    await writeAudit({
      tx,
      at,
      actor: ctx.actor,
      entityType: "partnership",
      entityId: id,
      action: "create",
      after: partnership,
      requestId: ctx.requestId ?? null,
    });
    const detail = await readPartnership(tx, id, { now: ctx.now });
    if (!detail) throw new Error("the partnership just written is missing");
    return detail;
  });
}
