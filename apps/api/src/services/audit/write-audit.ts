import { sql } from "drizzle-orm";
import type { ServiceContext, Tx } from "../context";

/** The audit log's view of who acts: the signed-in user, else `as` (or `anonymous`). */
export function auditActor(
  ctx: Pick<ServiceContext, "actor">,
  as = "anonymous",
): { id: string | null; label: string } {
  return ctx.actor ? { id: ctx.actor.userId, label: ctx.actor.label } : { id: null, label: as };
}

/**
 * One audit entry, stamped with the context's time, actor and request id. Call it with the `tx`
 * of the write it records, so the entry commits or rolls back with it.
 */
export async function writeAudit({
  tx,
  ctx,
  entityType,
  entityId,
  action,
  before = null,
  after = null,
  as,
}: {
  tx: Tx;
  ctx: ServiceContext;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** Who writes when nobody is signed in, as the log names it: "reference import", "invite". */
  as?: string;
}): Promise<void> {
  const actor = auditActor(ctx, as);
  await tx.execute(sql`INSERT INTO audit_log (at, actor_id, actor_label, entity_type, entity_id, action, before, after, request_id)
    VALUES (${ctx.now.toISOString()}::timestamptz, ${actor.id}, ${actor.label}, ${entityType}, ${entityId}, ${action},
      ${before === null ? null : JSON.stringify(before)}::jsonb, ${after === null ? null : JSON.stringify(after)}::jsonb, ${ctx.requestId})`);
}
