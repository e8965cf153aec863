import {
  type Questionnaire,
  type QuestionnaireSubmission,
  questionnaireToProfile,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import { type ServiceContext, withTransaction } from "../context";
import { insertMunicipality, parseMunicipality } from "../municipalities/create-municipality";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";

/**
 * Stores a questionnaire and, when the municipality is not in the catalogue yet, a DRAFT partner
 * profile made by core's questionnaireToProfile. Drafts stay out of the public catalogue until a
 * coordinator approves. Nothing here touches a published profile or its contacts: an anonymous
 * form must not be able to change what others see. The same answers for the same municipality,
 * while an earlier copy still awaits review, are that submission again (a double click, a retried
 * request): it is returned with `created: false` instead of giving coordinators a duplicate.
 * Different answers make a new submission; coordinators see both.
 */
export async function submitQuestionnaire({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Questionnaire;
}): Promise<{ submission: QuestionnaireSubmission; created: boolean }> {
  const { partner } = questionnaireToProfile(input);
  const { contacts: _contacts, ...draft } = partner;
  const stored = parseMunicipality({ ...draft, contacts: [] });
  // The form is anonymous even when a signed-in user sends it: the log names the form as the writer.
  const form: ServiceContext = { ...ctx, actor: null };
  return withTransaction(ctx, async (tx) => {
    const [existing] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM municipalities WHERE id = ${partner.id} FOR UPDATE`,
    );
    const answersJson = JSON.stringify(input);
    const [pending] = await rows<QuestionnaireRow>(
      tx,
      sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires
          WHERE municipality_id = ${partner.id} AND status = 'submitted' AND data = ${answersJson}::jsonb
          ORDER BY submitted_at LIMIT 1`,
    );
    if (pending) return { submission: toSubmission(pending), created: false };
    if (!existing) {
      await insertMunicipality({ tx, ctx, municipality: stored, source: "questionnaire" });
      await writeAudit({
        tx,
        ctx: form,
        entityType: "municipality",
        entityId: partner.id,
        action: "create-draft",
        after: stored,
        as: "questionnaire",
      });
    }
    const id = `questionnaire-${crypto.randomUUID()}`;
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`INSERT INTO questionnaires (id, municipality_id, status, data, submitted_at)
          VALUES (${id}, ${partner.id}, 'submitted', ${answersJson}::jsonb, ${ctx.now.toISOString()}::timestamptz)
          RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    return { submission: toSubmission(row as QuestionnaireRow), created: true };
  });
}
