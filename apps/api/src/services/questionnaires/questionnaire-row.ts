import type { Questionnaire, QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export const QUESTIONNAIRE_COLUMNS = sql`id, municipality_id, status, data,
  ${iso("submitted_at")} AS submitted_at, ${iso("reviewed_at")} AS reviewed_at`;

export interface QuestionnaireRow {
  id: string;
  municipality_id: string | null;
  status: QuestionnaireSubmission["status"];
  data: Questionnaire;
  submitted_at: string;
  reviewed_at: string | null;
}

/** The API shape of a questionnaire row. */
export function toSubmission(r: QuestionnaireRow): QuestionnaireSubmission {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    status: r.status,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    answers: r.data,
  };
}
