import {
  type CooperationAreaCode,
  Municipality,
  type PublicMunicipality,
  type SituationCategory,
  UpdateMunicipalityInput,
} from "@pobratym/core";
import { type Issue, issuesByPath } from "../../../lib/issue-text";

/** The editable facts of a profile as the form holds them (numbers as typed text). */
export interface ProfileDraft {
  description: string;
  website: string;
  workingLanguages: string[];
  capacity: string;
  politicalDecision: boolean;
  regions: string;
  situations: SituationCategory[];
  learningInterests: CooperationAreaCode[];
  internationalExperience: boolean;
  displacedHosted: string;
  countries: string;
}
/** One editable field of the form. */
export type DraftField = keyof ProfileDraft;

const COMMON: readonly DraftField[] = ["description", "website", "workingLanguages"];
/** The fields an owner edits, by kind, in the order the form shows them. */
export const EDITABLE_FIELDS: Readonly<Record<PublicMunicipality["kind"], readonly DraftField[]>> =
  {
    partner: [
      ...COMMON,
      "capacity",
      "politicalDecision",
      "regions",
      "situations",
      "learningInterests",
    ],
    hromada: [...COMMON, "internationalExperience", "displacedHosted", "countries"],
  };

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** The form's values for a stored profile. */
export function draftFrom(m: PublicMunicipality): ProfileDraft {
  return {
    description: m.description ?? "",
    website: m.website ?? "",
    workingLanguages: [...m.workingLanguages],
    capacity: m.kind === "partner" ? String(m.capacity) : "",
    politicalDecision: m.kind === "partner" ? m.politicalDecision : false,
    regions: m.kind === "partner" ? m.preferences.regions.join(", ") : "",
    situations: m.kind === "partner" ? [...m.preferences.situations] : [],
    learningInterests: m.kind === "partner" ? [...(m.learningInterests ?? [])] : [],
    internationalExperience: m.kind === "hromada" ? m.internationalExperience : false,
    displacedHosted:
      m.kind === "hromada" && m.situation.displacedHosted !== undefined
        ? String(m.situation.displacedHosted)
        : "",
    countries: m.kind === "hromada" ? m.preferences.countries.join(", ") : "",
  };
}

const same = (a: ProfileDraft[DraftField], b: ProfileDraft[DraftField]) =>
  Array.isArray(a) && Array.isArray(b)
    ? [...a].sort().join() === [...b].sort().join()
    : typeof a === "string" && typeof b === "string"
      ? a.trim() === b.trim()
      : a === b;

/** The fields of `kind` whose value differs between two drafts. */
export function changedFields(
  kind: PublicMunicipality["kind"],
  from: ProfileDraft,
  to: ProfileDraft,
): DraftField[] {
  return EDITABLE_FIELDS[kind].filter((f) => !same(from[f], to[f]));
}

const number = (s: string) => (s.trim() === "" ? null : Number(s.trim()));

/**
 * The PATCH body for `fields` of `draft`, on top of `latest`: top-level fields are replaced
 * whole, so preferences and the situation carry latest's other parts, and only these fields
 * are sent (another person's unrelated changes stay).
 */
export function toPatch(
  latest: PublicMunicipality,
  draft: ProfileDraft,
  fields: readonly DraftField[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const has = (f: DraftField) => fields.includes(f);
  if (has("description")) patch.description = draft.description.trim() || null;
  if (has("website")) patch.website = draft.website.trim() || null;
  if (has("workingLanguages")) patch.workingLanguages = draft.workingLanguages;
  if (latest.kind === "partner") {
    if (has("capacity")) patch.capacity = number(draft.capacity);
    if (has("politicalDecision")) patch.politicalDecision = draft.politicalDecision;
    if (has("learningInterests")) patch.learningInterests = draft.learningInterests;
    if (has("regions") || has("situations"))
      patch.preferences = {
        ...latest.preferences,
        ...(has("regions") ? { regions: list(draft.regions) } : {}),
        ...(has("situations") ? { situations: draft.situations } : {}),
      };
  } else {
    if (has("internationalExperience"))
      patch.internationalExperience = draft.internationalExperience;
    if (has("displacedHosted")) {
      const { displacedHosted: _d, ...rest } = latest.situation;
      const n = number(draft.displacedHosted);
      patch.situation = n === null ? rest : { ...rest, displacedHosted: n };
    }
    if (has("countries"))
      patch.preferences = { ...latest.preferences, countries: list(draft.countries) };
  }
  return patch;
}

/** Which form field an issue path of the profile (or of the PATCH body) belongs to. */
export function fieldOfPath(path: string): DraftField | undefined {
  const [head, second] = path.split(".");
  if (head === "preferences")
    return second === "regions" ? "regions" : second === "situations" ? "situations" : "countries";
  if (head === "situation") return "displacedHosted";
  const known: readonly string[] = [
    "description",
    "website",
    "workingLanguages",
    "capacity",
    "politicalDecision",
    "internationalExperience",
    "learningInterests",
  ];
  return head && known.includes(head) ? (head as DraftField) : undefined;
}

/**
 * Checks a patch with the core schemas the API uses: the body (`UpdateMunicipalityInput`) and
 * the profile it makes (`Municipality`). Returns the issues by form field, empty when valid.
 */
export function validatePatch(
  latest: PublicMunicipality,
  patch: Record<string, unknown>,
): Map<DraftField, Issue> {
  const issues = new Map<DraftField, Issue>();
  const add = (found: Map<string, Issue>) => {
    for (const [path, issue] of found) {
      const field = fieldOfPath(path);
      if (field && !issues.has(field)) issues.set(field, issue);
    }
  };
  const body = UpdateMunicipalityInput.safeParse(patch);
  if (!body.success) add(issuesByPath(body.error));
  const merged: Record<string, unknown> = { ...latest, contacts: [] };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const profile = Municipality.safeParse(merged);
  if (!profile.success) add(issuesByPath(profile.error));
  return issues;
}
