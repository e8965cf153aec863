import {
  changeStage,
  type MovePartnershipInput,
  type Partnership,
  type PartnershipDetail,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { ForbiddenError, NotFoundError, PreconditionFailedError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { readPartnership } from "./read-partnerships";

/**
 * Moves a partnership one step (forward, back, pause, resume or end) through core's state machine.
 * Checks, in order and under a row lock: it exists (404), the actor is a coordinator or an editor of
 * one of its municipalities (403), `expectedVersion` is current (412), the move is legal (409 with
 * the allowed moves). Appends a stage event and an audit entry in the same transaction.
 */
export async function movePartnership({
  ctx,
  id,
  input,
  expectedVersion,
}: {
  ctx: ServiceContext;
  id: string;
  input: MovePartnershipInput;
  /** The version the caller read (from If-Match); null accepts any version (`If-Match: *`). */
  expectedVersion: number | null;
}): Promise<PartnershipDetail> {
  const actor = requireActor(ctx);
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    const current = await readPartnership(tx, id, { now: ctx.now, forUpdate: true });
    if (!current) throw new NotFoundError("partnership", id);
    const members = [current.partnership.hromadaId, ...current.partnership.partnerIds];
    if (
      actor.role !== "coordinator" &&
      !(actor.municipalityId && members.includes(actor.municipalityId))
    ) {
      throw new ForbiddenError(
        "Only a coordinator or an editor of one of its municipalities may move this partnership.",
      );
    }
    if (expectedVersion !== null && expectedVersion !== current.version)
      throw new PreconditionFailedError();
    const moved = changeStage(current.partnership, input.to, {
      at,
      by: actor.label,
      ...(input.note ? { note: input.note } : {}),
    });
    if (!moved.ok) throw moved.error;
    const next: Partnership = moved.value;
    const updated = await tx.execute(sql`UPDATE partnerships
      SET stage = ${next.stage}, data = ${JSON.stringify(next)}::jsonb, version = version + 1, updated_at = ${at}::timestamptz
      WHERE id = ${id} AND version = ${current.version}
      RETURNING id`);
    if ((updated as unknown as { rows: unknown[] }).rows.length !== 1)
      throw new PreconditionFailedError();
    await tx.execute(sql`INSERT INTO partnership_events (partnership_id, seq, from_stage, to_stage, at, by, note)
      VALUES (${id}, (SELECT coalesce(max(seq) + 1, 0) FROM partnership_events WHERE partnership_id = ${id}), ${current.partnership.stage}, ${next.stage}, ${at}::timestamptz, ${actor.label}, ${input.note ?? null})`);
    await writeAudit({
      tx,
      ctx,
      entityType: "partnership",
      entityId: id,
      action: "move",
      before: { stage: current.partnership.stage, version: current.version },
      after: {
        stage: next.stage,
        version: current.version + 1,
        ...(input.note ? { note: input.note } : {}),
      },
    });
    const detail = await readPartnership(tx, id, { now: ctx.now });
    if (!detail) throw new Error("the partnership just moved is missing");
    return detail;
  });
}
