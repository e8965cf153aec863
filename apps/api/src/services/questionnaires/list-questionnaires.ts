import type { QuestionnaireStatus, QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";

/** Submitted questionnaires, newest first, optionally of one status. */
export async function listQuestionnaires({
  db,
  status,
  limit = 200,
}: {
  db: Executor;
  status?: QuestionnaireStatus;
  limit?: number;
}): Promise<QuestionnaireSubmission[]> {
  const found = await rows<QuestionnaireRow>(
    db,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires
        WHERE (${status ?? null}::text IS NULL OR status = ${status ?? null})
        ORDER BY submitted_at DESC, id LIMIT ${limit}`,
  );
  return found.map(toSubmission);
}

/** One questionnaire (404 when there is none). */
export async function getQuestionnaire({
  db,
  id,
}: {
  db: Executor;
  id: string;
}): Promise<QuestionnaireSubmission> {
  const [row] = await rows<QuestionnaireRow>(
    db,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE id = ${id}`,
  );
  if (!row) throw new NotFoundError("questionnaire", id);
  return toSubmission(row);
}
