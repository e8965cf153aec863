import {
  Municipality,
  type Offer,
  type ProfileChange,
  profileChanges,
  type QuestionnaireMismatch,
  questionnaireMismatches,
  questionnaireToProfile,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { ValidationError } from "../../errors";
import type { StoredMunicipality } from "../municipalities/create-municipality";
import type { QuestionnaireRow } from "./questionnaire-row";

/** Fields the questionnaire answers own; on an existing profile only these change. */
export const ANSWERED_FIELDS = [
  "workingLanguages",
  "capacity",
  "politicalDecision",
  "preferences",
  "description",
] as const;

/** What approving a questionnaire into one catalogue municipality would do. */
export interface ApprovalPlan {
  /** The catalogue row as it is now (locked when `lock` was asked for); null when it is gone. */
  current: { data: StoredMunicipality; version: number } | null;
  /** The profile after approval; null when there is no row to approve into. */
  next: StoredMunicipality | null;
  mismatches: QuestionnaireMismatch[];
  changes: ProfileChange[];
  offers: Offer[];
}

/**
 * Works out an approval without writing: the target is the municipality the coordinator chose,
 * or else the one the answers' country and official code name. Nothing typed is trusted: the
 * answers are compared with the row (country, code, name key), and only a chosen target skips
 * that comparison. The review page and the approval itself both read this, so the diff a
 * coordinator confirms is the change that is written.
 */
export async function planApproval({
  tx,
  q,
  chosenId,
  lock,
}: {
  tx: Executor;
  q: QuestionnaireRow;
  chosenId?: string | undefined;
  lock: boolean;
}): Promise<ApprovalPlan> {
  const { partner, offers } = questionnaireToProfile(q.data);
  const targetId = chosenId ?? partner.id;
  const [current] = await rows<{ data: StoredMunicipality; version: number }>(
    tx,
    lock
      ? sql`SELECT data, version FROM municipalities WHERE id = ${targetId} FOR UPDATE`
      : sql`SELECT data, version FROM municipalities WHERE id = ${targetId}`,
  );
  if (!current) return { current: null, next: null, mismatches: [], changes: [], offers: [] };
  const mismatches = questionnaireMismatches(q.data.municipality, current.data).filter(
    // A chosen target is the coordinator's word for who this is; its kind still has to fit.
    (m) => !chosenId || m === "kind",
  );
  const merged: Record<string, unknown> = { ...current.data, status: "published" };
  for (const field of ANSWERED_FIELDS) {
    const value = (partner as Record<string, unknown>)[field];
    if (value !== undefined) merged[field] = value;
  }
  let next: StoredMunicipality | null = null;
  if (current.data.kind === "partner") {
    const parsed = Municipality.safeParse({ ...merged, contacts: [] });
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const { contacts: _c, ...stored } = parsed.data;
    next = stored;
  }
  const changes = next ? profileChanges(current.data, next, ["status", ...ANSWERED_FIELDS]) : [];
  return {
    current,
    next,
    mismatches,
    changes,
    offers: offers.map((o) => ({ ...o, id: `${targetId}-${o.area}` })),
  };
}
