import { Tie, type TieSummary, type UpdateTieInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError, PreconditionFailedError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { TIE_COLUMNS, type TieRow, toTieSummary } from "./read-ties";

/**
 * Records a review of a tie (status, decision date, decision); null clears a field. Checks, under a
 * row lock: it exists (404), the actor may edit its municipality (403), the version is current (412).
 */
export async function updateTie({
  ctx,
  id,
  input,
  expectedVersion,
}: {
  ctx: ServiceContext;
  id: string;
  input: UpdateTieInput;
  /** The version the caller read (from If-Match); null accepts any version (`If-Match: *`). */
  expectedVersion: number | null;
}): Promise<TieSummary> {
  const actor = requireActor(ctx);
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    const [row] = await rows<{ data: Tie; version: number; municipality_id: string }>(
      tx,
      sql`SELECT data, version, municipality_id FROM ties WHERE id = ${id} FOR UPDATE`,
    );
    if (!row) throw new NotFoundError("tie", id);
    assertCanEditMunicipality(actor, row.municipality_id);
    if (expectedVersion !== null && expectedVersion !== row.version)
      throw new PreconditionFailedError();
    const { decisionDate: _d, decision: _n, ...kept } = row.data;
    const decisionDate =
      input.decisionDate === undefined ? row.data.decisionDate : (input.decisionDate ?? undefined);
    const decision = input.decision === undefined ? row.data.decision : input.decision || undefined;
    const next = Tie.parse({
      ...kept,
      ...(input.status ? { status: input.status } : {}),
      ...(decisionDate ? { decisionDate } : {}),
      ...(decision ? { decision } : {}),
    });
    await tx.execute(sql`UPDATE ties SET status = ${next.status}, data = ${JSON.stringify(next)}::jsonb,
        version = version + 1, updated_at = ${at}::timestamptz
      WHERE id = ${id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "tie",
      entityId: id,
      action: "review",
      before: row.data,
      after: next,
    });
    const [updated] = await rows<TieRow>(
      tx,
      sql`SELECT ${TIE_COLUMNS} FROM ties t JOIN municipalities m ON m.id = t.municipality_id WHERE t.id = ${id}`,
    );
    if (!updated) throw new Error("the tie just updated is missing");
    return toTieSummary(updated);
  });
}
