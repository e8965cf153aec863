import { Municipality, type QuestionnaireSubmission, questionnaireToProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { insertContact } from "../contacts/create-contact";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import {
  MUNICIPALITY_COLUMNS,
  municipalityColumnValues,
  type StoredMunicipality,
} from "../municipalities/create-municipality";
import { OFFER_KIND } from "../needs/item-store";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";

/** Fields the questionnaire answers own; on an existing profile only these change. */
const ANSWERED_FIELDS = [
  "workingLanguages",
  "capacity",
  "politicalDecision",
  "preferences",
  "description",
] as const;

/** Locks a submitted questionnaire; 404 when missing, 409 when it was already reviewed. */
export async function lockSubmitted(tx: Executor, id: string): Promise<QuestionnaireRow> {
  const [row] = await rows<QuestionnaireRow>(
    tx,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE id = ${id} FOR UPDATE`,
  );
  if (!row) throw new NotFoundError("questionnaire", id);
  if (row.status !== "submitted")
    throw new ConflictError(`The questionnaire was already ${row.status}.`);
  return row;
}

/**
 * Approves a questionnaire in one transaction: the partner profile is published (a draft made at
 * submission, or an existing profile updated with the answered fields), its offers are added or
 * replaced area by area, the contact person is added, and everything is audited.
 */
export async function approveQuestionnaire({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<QuestionnaireSubmission> {
  const actor = requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    const q = await lockSubmitted(tx, id);
    const { partner, offers } = questionnaireToProfile(q.data);
    const [current] = await rows<{ data: StoredMunicipality; version: number }>(
      tx,
      sql`SELECT data, version FROM municipalities WHERE id = ${partner.id} FOR UPDATE`,
    );
    if (!current)
      throw new ConflictError(
        `The profile "${partner.id}" was deleted; reject this questionnaire instead.`,
      );
    if (current.data.kind !== "partner")
      throw new ConflictError(`"${partner.id}" is not a partner municipality.`);
    const merged: Record<string, unknown> = { ...current.data, status: "published" };
    for (const field of ANSWERED_FIELDS) {
      const value = (partner as Record<string, unknown>)[field];
      if (value !== undefined) merged[field] = value;
    }
    const parsed = Municipality.safeParse({ ...merged, contacts: [] });
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const { contacts: _c, ...next } = parsed.data;
    await tx.execute(sql`UPDATE municipalities SET (${MUNICIPALITY_COLUMNS}) = (${municipalityColumnValues(next)}),
        version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${partner.id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "municipality",
      entityId: partner.id,
      action: "approve-questionnaire",
      before: current.data,
      after: next,
    });
    for (const offer of offers) {
      const [before] = await rows<{ data: unknown }>(
        tx,
        sql`SELECT data FROM offers WHERE id = ${offer.id}`,
      );
      await tx.execute(sql`INSERT INTO offers (id, municipality_id, ${OFFER_KIND.columns}, data, version, created_at, updated_at)
        VALUES (${offer.id}, ${partner.id}, ${OFFER_KIND.values(offer)}, ${JSON.stringify(offer)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz)
        ON CONFLICT (id) DO UPDATE SET area = EXCLUDED.area, experience = EXCLUDED.experience, data = EXCLUDED.data,
          version = offers.version + 1, updated_at = EXCLUDED.updated_at`);
      await writeAudit({
        tx,
        ctx,
        entityType: "offer",
        entityId: offer.id,
        action: before ? "update" : "create",
        before: before?.data ?? null,
        after: { municipalityId: partner.id, ...offer },
      });
    }
    const { id: _contactId, ...contact } = q.data.contact;
    await insertContact({ tx, ctx, municipalityId: partner.id, input: contact });
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`UPDATE questionnaires SET status = 'accepted', reviewed_at = ${at}::timestamptz, reviewed_by = ${actor.userId}
          WHERE id = ${id} RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    await writeAudit({
      tx,
      ctx,
      entityType: "questionnaire",
      entityId: id,
      action: "approve",
    });
    return toSubmission(row as QuestionnaireRow);
  });
}
