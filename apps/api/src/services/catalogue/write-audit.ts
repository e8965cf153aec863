import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";

/** One audit entry; call it inside the transaction of the write it records. */
export async function writeAudit({
  tx,
  at,
  actor,
  entityType,
  entityId,
  action,
  before = null,
  after = null,
  requestId = null,
}: {
  tx: Executor;
  at: string;
  actor: { id: string | null; label: string };
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}): Promise<void> {
  await tx.execute(sql`INSERT INTO audit_log (at, actor_id, actor_label, entity_type, entity_id, action, before, after, request_id)
    VALUES (${at}::timestamptz, ${actor.id}, ${actor.label}, ${entityType}, ${entityId}, ${action},
      ${before === null ? null : JSON.stringify(before)}::jsonb, ${after === null ? null : JSON.stringify(after)}::jsonb, ${requestId})`);
}
