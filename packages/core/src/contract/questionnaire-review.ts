import { z } from "zod";
import { Id } from "../model/common";
import type { MunicipalityNames } from "../model/municipality";
import { searchNames } from "../search/names";
import { searchKey } from "../search/normalise";
import { PublicMunicipality } from "./catalogue";
import { QuestionnaireSubmission } from "./profile-edits";

/**
 * Why a submission does not match the catalogue municipality it would be approved into: another
 * country, another official code, no name or alias with the same search key, or not a partner.
 */
export const QuestionnaireMismatch = z.enum(["country", "official-code", "name", "kind"]);
/** Why a submission does not match the catalogue municipality it would be approved into. */
export type QuestionnaireMismatch = z.infer<typeof QuestionnaireMismatch>;

/** What a submission is compared with: the catalogue row its country and official code name. */
export interface MatchCandidate {
  kind: "hromada" | "partner";
  country: string;
  officialCode: string;
  names: MunicipalityNames;
}

/**
 * Compares what a questionnaire typed with a catalogue municipality. They match only when the
 * country and the official code agree and the typed name (or English name) has the search key of
 * one of the municipality's names or aliases; anything typed is otherwise untrusted. Returns the
 * reasons they differ, empty when they match.
 * @example
 * questionnaireMismatches(
 *   { country: "NO", officialCode: "0301", name: "Tromsø" },
 *   { kind: "partner", country: "NO", officialCode: "0301", names: { local: "Oslo" } },
 * ); // ["name"]
 */
export function questionnaireMismatches(
  typed: { country: string; officialCode: string; name: string; nameEn?: string | undefined },
  candidate: MatchCandidate,
): QuestionnaireMismatch[] {
  const reasons: QuestionnaireMismatch[] = [];
  if (candidate.kind !== "partner") reasons.push("kind");
  if (typed.country !== candidate.country) reasons.push("country");
  if (typed.officialCode.trim() !== candidate.officialCode) reasons.push("official-code");
  const keys = new Set(searchNames(candidate.names).map(searchKey));
  const typedKeys = [typed.name, typed.nameEn]
    .filter((n): n is string => typeof n === "string")
    .map(searchKey)
    .filter((k) => k !== "");
  if (!typedKeys.some((k) => keys.has(k))) reasons.push("name");
  return reasons;
}

/** One field of a profile that approval would change, with its value before and after. */
export const ProfileChange = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
/** One field of a profile that approval would change. */
export type ProfileChange = z.infer<typeof ProfileChange>;

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  ) ?? "null";

/**
 * The fields among `fields` whose value differs between two versions of a profile, in the order
 * given; objects compare by content, whatever their key order.
 * @example
 * profileChanges({ capacity: 1 }, { capacity: 2 }, ["capacity"]); // [{ field: "capacity", before: 1, after: 2 }]
 */
export function profileChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): ProfileChange[] {
  const changes: ProfileChange[] = [];
  for (const field of fields) {
    const a = before?.[field];
    const b = after[field];
    if (canonical(a) !== canonical(b)) changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

/**
 * The body of `GET /api/v1/questionnaires/{id}/review`: the whole submission, the catalogue
 * municipality it would be approved into (null when that row is gone), why they differ (approval
 * is refused while this is not empty, unless the coordinator names the municipality), and what
 * approval would change in that profile, field by field.
 */
export const QuestionnaireReview = z.object({
  submission: QuestionnaireSubmission,
  target: PublicMunicipality.nullable(),
  /** True when the coordinator named the municipality rather than the answers. */
  chosen: z.boolean(),
  mismatches: z.array(QuestionnaireMismatch),
  changes: z.array(ProfileChange),
  /** Areas whose offer approval adds or replaces. */
  offerAreas: z.array(z.string()),
});
/** The body of `GET /api/v1/questionnaires/{id}/review`. */
export type QuestionnaireReview = z.infer<typeof QuestionnaireReview>;

/** The body of `POST /api/v1/questionnaires/{id}/approve`: optionally, the municipality the coordinator picked. */
export const ApproveQuestionnaireInput = z.strictObject({
  /** Approve into this catalogue municipality, whatever the answers typed (after a mismatch). */
  municipalityId: Id.optional(),
});
/** The body of `POST /api/v1/questionnaires/{id}/approve`. */
export type ApproveQuestionnaireInput = z.infer<typeof ApproveQuestionnaireInput>;
