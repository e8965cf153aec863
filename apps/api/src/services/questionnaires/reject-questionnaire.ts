import type { QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Orm, rows } from "../../db/db";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../catalogue/write-audit";
import { lockSubmitted } from "./approve-questionnaire";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";

/**
 * Rejects a questionnaire. The draft profile it created is deleted when nothing else refers to it
 * (no other open questionnaire, no partnership), so rejected submissions leave no trace in the catalogue.
 */
export async function rejectQuestionnaire({
  db,
  id,
  note,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  id: string;
  note?: string;
  actor: Actor;
  now: string;
  requestId: string;
}): Promise<QuestionnaireSubmission> {
  const who = { id: actor.userId, label: actor.label };
  return db.transaction(async (tx) => {
    const q = await lockSubmitted(tx, id);
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`UPDATE questionnaires SET status = 'rejected', reviewed_at = ${now}::timestamptz, reviewed_by = ${actor.userId}
          WHERE id = ${id} RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    if (q.municipality_id) {
      const removed = await rows<{ id: string }>(
        tx,
        sql`DELETE FROM municipalities m
            WHERE m.id = ${q.municipality_id} AND m.status = 'draft' AND m.source = 'questionnaire'
              AND NOT EXISTS (SELECT 1 FROM questionnaires o WHERE o.municipality_id = m.id AND o.status = 'submitted')
              AND NOT EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.municipality_id = m.id)
            RETURNING m.id`,
      );
      if (removed.length > 0) {
        await writeAudit({
          tx,
          at: now,
          actor: who,
          entityType: "municipality",
          entityId: q.municipality_id,
          action: "delete-draft",
          requestId,
        });
      }
    }
    await writeAudit({
      tx,
      at: now,
      actor: who,
      entityType: "questionnaire",
      entityId: id,
      action: "reject",
      after: note ? { note } : null,
      requestId,
    });
    return toSubmission(row as QuestionnaireRow);
  });
}
