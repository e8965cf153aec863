import { Municipality, type QuestionnaireSubmission, questionnaireToProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, type Orm, rows } from "../../db/db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import type { Actor } from "../auth/actor";
import { writeAudit } from "../catalogue/write-audit";
import { insertContact } from "../contacts/create-contact";
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
  db,
  id,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  id: string;
  actor: Actor;
  now: string;
  requestId: string;
}): Promise<QuestionnaireSubmission> {
  const who = { id: actor.userId, label: actor.label };
  return db.transaction(async (tx) => {
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
        version = version + 1, updated_at = ${now}::timestamptz WHERE id = ${partner.id}`);
    await writeAudit({
      tx,
      at: now,
      actor: who,
      entityType: "municipality",
      entityId: partner.id,
      action: "approve-questionnaire",
      before: current.data,
      after: next,
      requestId,
    });
    for (const offer of offers) {
      const [before] = await rows<{ data: unknown }>(
        tx,
        sql`SELECT data FROM offers WHERE id = ${offer.id}`,
      );
      await tx.execute(sql`INSERT INTO offers (id, municipality_id, ${OFFER_KIND.columns}, data, version, created_at, updated_at)
        VALUES (${offer.id}, ${partner.id}, ${OFFER_KIND.values(offer)}, ${JSON.stringify(offer)}::jsonb, 1, ${now}::timestamptz, ${now}::timestamptz)
        ON CONFLICT (id) DO UPDATE SET area = EXCLUDED.area, experience = EXCLUDED.experience, data = EXCLUDED.data,
          version = offers.version + 1, updated_at = EXCLUDED.updated_at`);
      await writeAudit({
        tx,
        at: now,
        actor: who,
        entityType: "offer",
        entityId: offer.id,
        action: before ? "update" : "create",
        before: before?.data ?? null,
        after: { municipalityId: partner.id, ...offer },
        requestId,
      });
    }
    const { id: _contactId, ...contact } = q.data.contact;
    await insertContact({
      tx,
      municipalityId: partner.id,
      input: contact,
      actor: who,
      now,
      requestId,
    });
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`UPDATE questionnaires SET status = 'accepted', reviewed_at = ${now}::timestamptz, reviewed_by = ${actor.userId}
          WHERE id = ${id} RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    await writeAudit({
      tx,
      at: now,
      actor: who,
      entityType: "questionnaire",
      entityId: id,
      action: "approve",
      requestId,
    });
    return toSubmission(row as QuestionnaireRow);
  });
}
