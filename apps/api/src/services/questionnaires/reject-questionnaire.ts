import type { QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { lockSubmitted } from "./approve-questionnaire";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";
import { removeUnusedDraft } from "./remove-unused-draft";

/**
 * Rejects a questionnaire. The draft profile it created is deleted when nothing else refers to it
 * (no other open questionnaire, no partnership), so rejected submissions leave no trace in the catalogue.
 */
export async function rejectQuestionnaire({
  ctx,
  id,
  note,
}: {
  ctx: ServiceContext;
  id: string;
  note?: string;
}): Promise<QuestionnaireSubmission> {
  const actor = requireActor(ctx, "coordinator");
  return withTransaction(ctx, async (tx) => {
    const q = await lockSubmitted(tx, id);
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`UPDATE questionnaires SET status = 'rejected', reviewed_at = ${ctx.now.toISOString()}::timestamptz, reviewed_by = ${actor.userId}
          WHERE id = ${id} RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    if (q.municipality_id) await removeUnusedDraft({ tx, ctx, municipalityId: q.municipality_id });
    await writeAudit({
      tx,
      ctx,
      entityType: "questionnaire",
      entityId: id,
      action: "reject",
      after: note ? { note } : null,
    });
    return toSubmission(row as QuestionnaireRow);
  });
}
