import type { QuestionnaireReview, QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { ConflictError, NotFoundError, QuestionnaireMismatchError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { insertContact } from "../contacts/create-contact";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import {
  MUNICIPALITY_COLUMNS,
  municipalityColumnValues,
} from "../municipalities/create-municipality";
import { OFFER_KIND } from "../needs/item-store";
import { planApproval } from "./plan-approval";
import { QUESTIONNAIRE_COLUMNS, type QuestionnaireRow, toSubmission } from "./questionnaire-row";
import { removeUnusedDraft } from "./remove-unused-draft";

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
 * What approving would do, for the review page: the whole submission, the target row, why the
 * answers do not match it, and the field-by-field change. Coordinators only; writes nothing.
 */
export async function reviewQuestionnaire({
  ctx,
  id,
  municipalityId,
}: {
  ctx: ServiceContext;
  id: string;
  municipalityId?: string | undefined;
}): Promise<QuestionnaireReview> {
  requireActor(ctx, "coordinator");
  const [q] = await rows<QuestionnaireRow>(
    ctx.db.orm,
    sql`SELECT ${QUESTIONNAIRE_COLUMNS} FROM questionnaires WHERE id = ${id}`,
  );
  if (!q) throw new NotFoundError("questionnaire", id);
  const plan = await planApproval({ tx: ctx.db.orm, q, chosenId: municipalityId, lock: false });
  return {
    submission: toSubmission(q),
    target: plan.current?.data ?? null,
    chosen: municipalityId !== undefined,
    mismatches: plan.mismatches,
    changes: plan.changes,
    offerAreas: plan.offers.map((o) => o.area),
  };
}

/**
 * Approves a questionnaire in one transaction: the partner profile is published (a draft made at
 * submission, or an existing profile updated with the answered fields), its offers are added or
 * replaced area by area, the contact person is added, and everything is audited.
 *
 * Checks, in order: the questionnaire is still submitted (409); the target row exists (409); it
 * is a partner (422); without `municipalityId`, the answers' country, official code and name
 * match that row (422 `questionnaire-mismatch`), so "Tromsø" typed with Oslo's code never
 * overwrites Oslo.
 */
export async function approveQuestionnaire({
  ctx,
  id,
  municipalityId,
}: {
  ctx: ServiceContext;
  id: string;
  /** The municipality the coordinator picked; the answers' name is then not compared. */
  municipalityId?: string | undefined;
}): Promise<QuestionnaireSubmission> {
  const actor = requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    const q = await lockSubmitted(tx, id);
    const plan = await planApproval({ tx, q, chosenId: municipalityId, lock: true });
    const { current, next } = plan;
    const targetId = municipalityId ?? q.municipality_id ?? "";
    if (!current)
      throw new ConflictError(
        `The profile "${targetId}" was deleted; reject this questionnaire instead.`,
      );
    if (plan.mismatches.length > 0 || !next)
      throw new QuestionnaireMismatchError(current.data.id, plan.mismatches);
    await tx.execute(sql`UPDATE municipalities SET (${MUNICIPALITY_COLUMNS}) = (${municipalityColumnValues(next)}),
        version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${next.id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "municipality",
      entityId: next.id,
      action: "approve-questionnaire",
      before: current.data,
      after: next,
    });
    for (const offer of plan.offers) {
      const [before] = await rows<{ data: unknown }>(
        tx,
        sql`SELECT data FROM offers WHERE id = ${offer.id}`,
      );
      await tx.execute(sql`INSERT INTO offers (id, municipality_id, ${OFFER_KIND.columns}, data, version, created_at, updated_at)
        VALUES (${offer.id}, ${next.id}, ${OFFER_KIND.values(offer)}, ${JSON.stringify(offer)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz)
        ON CONFLICT (id) DO UPDATE SET area = EXCLUDED.area, experience = EXCLUDED.experience, data = EXCLUDED.data,
          version = offers.version + 1, updated_at = EXCLUDED.updated_at`);
      await writeAudit({
        tx,
        ctx,
        entityType: "offer",
        entityId: offer.id,
        action: before ? "update" : "create",
        before: before?.data ?? null,
        after: { municipalityId: next.id, ...offer },
      });
    }
    const { id: _contactId, ...contact } = q.data.contact;
    await insertContact({ tx, ctx, municipalityId: next.id, input: contact });
    const [row] = await rows<QuestionnaireRow>(
      tx,
      sql`UPDATE questionnaires SET status = 'accepted', reviewed_at = ${at}::timestamptz, reviewed_by = ${actor.userId},
            municipality_id = ${next.id}
          WHERE id = ${id} RETURNING ${QUESTIONNAIRE_COLUMNS}`,
    );
    // Approved into another row than the answers named: the draft made for them is now unused.
    if (q.municipality_id && q.municipality_id !== next.id)
      await removeUnusedDraft({ tx, ctx, municipalityId: q.municipality_id });
    await writeAudit({
      tx,
      ctx,
      entityType: "questionnaire",
      entityId: id,
      action: "approve",
      ...(municipalityId ? { after: { municipalityId } } : {}),
    });
    return toSubmission(row as QuestionnaireRow);
  });
}
