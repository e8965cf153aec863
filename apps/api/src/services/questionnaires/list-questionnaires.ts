import type { QuestionnaireStatus, QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { requireActor, type ServiceContext } from "../context";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";

/** The most submissions a CSV export holds (the JSON list shows the newest 200). */
export const QUESTIONNAIRE_EXPORT_LIMIT = 10_000;

/** Submitted questionnaires, newest first, optionally of one status. */
export async function listQuestionnaires({
  ctx,
  status,
  limit = 200,
}: {
  ctx: ServiceContext;
  status?: QuestionnaireStatus;
  limit?: number;
}): Promise<QuestionnaireSubmission[]> {
  requireActor(ctx, "coordinator");
  const found = await rows<QuestionnaireRow>(
    ctx.db.orm,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires
        WHERE (${status ?? null}::text IS NULL OR status = ${status ?? null})
        ORDER BY submitted_at DESC, id LIMIT ${limit}`,
  );
  return found.map(toSubmission);
}

/** One questionnaire (404 when there is none). */
export async function getQuestionnaire({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<QuestionnaireSubmission> {
  requireActor(ctx, "coordinator");
  const [row] = await rows<QuestionnaireRow>(
    ctx.db.orm,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE id = ${id}`,
  );
  if (!row) throw new NotFoundError("questionnaire", id);
  return toSubmission(row);
}

/**
 * Submissions as CSV for the coordinators' review sheet: one row each, lists joined with `; `.
 * It holds the contact person's name, email and phone, so serve it to coordinators only, uncached.
 */
export function questionnairesCsv(items: readonly QuestionnaireSubmission[]): string {
  return toCsv(
    [
      "id",
      "status",
      "submitted_at",
      "reviewed_at",
      "municipality_id",
      "country",
      "official_code",
      "name",
      "name_en",
      "region",
      "population",
      "contact_name",
      "contact_role",
      "contact_email",
      "contact_phone",
      "languages",
      "expertise",
      "partnerships",
      "staff_hours_per_month",
      "annual_budget_eur",
      "preferred_regions",
      "preferred_zone",
      "preferred_size",
      "political_decision",
      "political_decision_date",
      "motivation",
    ],
    items.map(({ answers: a, ...q }) => [
      q.id,
      q.status,
      q.submittedAt,
      q.reviewedAt,
      q.municipalityId,
      a.municipality.country,
      a.municipality.officialCode,
      a.municipality.name,
      a.municipality.nameEn,
      a.municipality.region.name,
      a.municipality.population,
      a.contact.name,
      a.contact.role,
      a.contact.email,
      a.contact.phone,
      a.languages.join("; "),
      a.expertise.map((e) => `${e.area} (${e.experience})`).join("; "),
      a.capacity.partnerships,
      a.capacity.staffHoursPerMonth,
      a.capacity.annualBudgetEur,
      a.preferences.regions.join("; "),
      a.preferences.zone,
      a.preferences.size,
      a.politicalDecision.taken,
      a.politicalDecision.date,
      a.motivation,
    ]),
  );
}
