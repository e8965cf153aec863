import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext, Tx } from "../context";

/**
 * Deletes the draft profile a questionnaire created when nothing else refers to it (no other open
 * questionnaire, no partnership), so a submission that is rejected, or approved into another
 * municipality, leaves no trace in the catalogue.
 */
export async function removeUnusedDraft({
  tx,
  ctx,
  municipalityId,
}: {
  tx: Tx;
  ctx: ServiceContext;
  municipalityId: string;
}): Promise<void> {
  const removed = await rows<{ id: string }>(
    tx,
    sql`DELETE FROM municipalities m
        WHERE m.id = ${municipalityId} AND m.status = 'draft' AND m.source = 'questionnaire'
          AND NOT EXISTS (SELECT 1 FROM questionnaires o WHERE o.municipality_id = m.id AND o.status = 'submitted')
          AND NOT EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.municipality_id = m.id)
        RETURNING m.id`,
  );
  if (removed.length > 0) {
    await writeAudit({
      tx,
      ctx,
      entityType: "municipality",
      entityId: municipalityId,
      action: "delete-draft",
    });
  }
}
