import type { CreatePartnershipInput, Partnership, PartnershipDetail } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { insertPartnership } from "./insert-partnership";
import { readPartnership } from "./read-partnerships";

/**
 * Records a new partnership: the row, its partners, its first stage event and an audit entry, all in
 * one transaction. The hromada must be a hromada and every partner a partner municipality (422).
 */
export async function createPartnership({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreatePartnershipInput;
}): Promise<PartnershipDetail> {
  const actor = requireActor(ctx, "coordinator");
  const ids = [input.hromadaId, ...input.partnerIds];
  const at = ctx.now.toISOString();
  const id = crypto.randomUUID();
  return withTransaction(ctx, async (tx) => {
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
      history: [{ from: null, to: input.stage, at, by: actor.label }],
      ...(input.signedOn ? { signedOn: input.signedOn } : {}),
      ...(input.description ? { description: input.description } : {}),
    };
    await insertPartnership({ tx, ctx, input: partnership });
    const detail = await readPartnership(tx, id, { now: ctx.now });
    if (!detail) throw new Error("the partnership just written is missing");
    return detail;
  });
}
