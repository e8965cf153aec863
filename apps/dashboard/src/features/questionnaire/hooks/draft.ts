import {
  type CooperationAreaCode,
  type ExperienceLevel,
  officialCodeProblem,
} from "@pobratym/core";
import type { z } from "zod";

/** The wizard's steps, in order; each but the last owns one top-level field of the questionnaire. */
export const STEPS = [
  "municipality",
  "contact",
  "motivation",
  "expertise",
  "capacity",
  "preferences",
  "languages",
  "politicalDecision",
  "summary",
] as const;
/** One step of the wizard. */
export type Step = (typeof STEPS)[number];

/** The answers as the form holds them: text as typed, so half-filled numbers survive a reload. */
export interface Draft {
  step: number;
  municipality: {
    country: string;
    officialCode: string;
    name: string;
    nameEn: string;
    region: string;
    population: string;
  };
  contact: { name: string; role: string; email: string; phone: string };
  motivation: string;
  expertise: Partial<Record<CooperationAreaCode, ExperienceLevel>>;
  capacity: { partnerships: string; staffHoursPerMonth: string; annualBudgetEur: string };
  preferences: {
    zone: "any" | "war-zone" | "outside";
    size: "any" | "small" | "medium" | "large";
    regions: string;
  };
  languages: string[];
  politicalDecision: { taken: "" | "yes" | "no"; date: string; body: string };
}

/** A blank questionnaire. */
export function emptyDraft(): Draft {
  return {
    step: 0,
    municipality: {
      country: "SE",
      officialCode: "",
      name: "",
      nameEn: "",
      region: "",
      population: "",
    },
    contact: { name: "", role: "", email: "", phone: "" },
    motivation: "",
    expertise: {},
    capacity: { partnerships: "1", staffHoursPerMonth: "", annualBudgetEur: "" },
    preferences: { zone: "any", size: "any", regions: "" },
    languages: [],
    politicalDecision: { taken: "", date: "", body: "" },
  };
}

const STORAGE_KEY = "pobratym.questionnaire.draft.v1";

/** The saved draft merged over a blank one (so a draft from an older build still loads). */
export function loadDraft(storage: Storage | undefined = globalThis.localStorage): Draft {
  const blank = emptyDraft();
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return blank;
    const saved = JSON.parse(raw) as Partial<Draft>;
    return {
      ...blank,
      ...saved,
      municipality: { ...blank.municipality, ...saved.municipality },
      contact: { ...blank.contact, ...saved.contact },
      capacity: { ...blank.capacity, ...saved.capacity },
      preferences: { ...blank.preferences, ...saved.preferences },
      politicalDecision: { ...blank.politicalDecision, ...saved.politicalDecision },
      expertise: { ...saved.expertise },
      languages: Array.isArray(saved.languages)
        ? saved.languages.filter((l) => typeof l === "string")
        : [],
      step: Math.min(Math.max(Number(saved.step) || 0, 0), STEPS.length - 1),
    };
  } catch {
    return blank;
  }
}

/** Saves the draft; storage may be full or blocked, and then the draft simply is not kept. */
export function saveDraft(draft: Draft, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Private mode or quota: the wizard still works, it just will not survive a reload.
  }
}

/** Forgets the draft once it has been submitted. */
export function clearDraft(storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // nothing to do
  }
}

const text = (s: string) => (s.trim() === "" ? undefined : s.trim());
const num = (s: string) =>
  s.trim() === "" ? undefined : Number(s.replace(",", ".").replace(/\s/g, ""));

/** The draft as the core `Questionnaire` schema takes it (before defaults). */
export function toQuestionnaireInput(d: Draft): Record<string, unknown> {
  const region = text(d.municipality.region);
  return {
    municipality: {
      country: d.municipality.country,
      officialCode: d.municipality.officialCode.trim(),
      name: d.municipality.name,
      ...(text(d.municipality.nameEn) ? { nameEn: d.municipality.nameEn } : {}),
      ...(region ? { region: { code: region, name: region } } : {}),
      ...(num(d.municipality.population) !== undefined
        ? { population: num(d.municipality.population) }
        : {}),
    },
    contact: {
      name: d.contact.name,
      ...(text(d.contact.role) ? { role: d.contact.role.trim() } : {}),
      ...(text(d.contact.email) ? { email: d.contact.email.trim() } : {}),
      ...(text(d.contact.phone) ? { phone: d.contact.phone.trim() } : {}),
      languages: d.languages,
    },
    motivation: d.motivation,
    expertise: Object.entries(d.expertise).map(([area, experience]) => ({ area, experience })),
    capacity: {
      partnerships: num(d.capacity.partnerships),
      staffHoursPerMonth: num(d.capacity.staffHoursPerMonth),
      annualBudgetEur: num(d.capacity.annualBudgetEur),
    },
    preferences: {
      zone: d.preferences.zone,
      size: d.preferences.size,
      regions: d.preferences.regions
        .split(/[,;\s]+/)
        .map((r) => r.trim().toUpperCase())
        .filter(Boolean),
    },
    languages: d.languages,
    politicalDecision: {
      taken: d.politicalDecision.taken === "" ? undefined : d.politicalDecision.taken === "yes",
      ...(text(d.politicalDecision.date) ? { date: d.politicalDecision.date } : {}),
      ...(text(d.politicalDecision.body) ? { body: d.politicalDecision.body.trim() } : {}),
    },
  };
}

/** A problem with one field, as a message key and its parameters, so it can be shown in any language. */
export interface FieldProblem {
  path: string;
  key:
    | "validation.required"
    | "validation.email"
    | "validation.phone"
    | "validation.oblast"
    | "validation.number"
    | "validation.min"
    | "validation.max"
    | "validation.tooLong"
    | "validation.officialCode"
    | "validation.officialCodeNordic"
    | "validation.notUkraine"
    | "validation.expertise"
    | "validation.languages"
    | "validation.unique"
    | "validation.invalid";
  params?: Record<string, number | string>;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Turns a zod issue into a translatable field problem; the schema's English text is never shown. */
export function toFieldProblem(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  const path = issue.path.map(String).join(".");
  const value = valueAt(input, issue.path);
  if (path === "expertise")
    return { path, key: issue.code === "custom" ? "validation.unique" : "validation.expertise" };
  if (path === "languages") return { path, key: "validation.languages" };
  if (path === "municipality.country") return { path, key: "validation.notUkraine" };
  if (path === "municipality.officialCode" && value !== "" && value !== undefined) {
    const country = valueAt(input, ["municipality", "country"]);
    return {
      path,
      key:
        country === "SE" || country === "NO"
          ? "validation.officialCodeNordic"
          : "validation.officialCode",
    };
  }
  if (value === undefined || value === "" || (typeof value === "string" && value.trim() === "")) {
    return { path, key: "validation.required" };
  }
  switch (issue.code) {
    case "invalid_type":
      return {
        path,
        key:
          typeof value === "number" || typeof value === "string"
            ? "validation.number"
            : "validation.invalid",
      };
    case "too_small":
      return issue.origin === "number"
        ? { path, key: "validation.min", params: { min: Number(issue.minimum) } }
        : { path, key: "validation.required" };
    case "too_big":
      return issue.origin === "number"
        ? { path, key: "validation.max", params: { max: Number(issue.maximum) } }
        : { path, key: "validation.tooLong", params: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "email") return { path, key: "validation.email" };
      if (path === "contact.phone") return { path, key: "validation.phone" };
      if (path.startsWith("preferences.regions"))
        return { path: "preferences.regions", key: "validation.oblast" };
      return { path, key: "validation.invalid" };
    default:
      return { path, key: "validation.invalid" };
  }
}

/** Checks the fields of one step (all of them for the summary) and returns their problems. */
export function validateStep(schema: z.ZodType, draft: Draft, step: Step): FieldProblem[] {
  const input = toQuestionnaireInput(draft);
  const result = schema.safeParse(input);
  const problems = result.success ? [] : result.error.issues.map((i) => toFieldProblem(i, input));
  // The official code is checked against the country in a refinement that runs only once every
  // other field is valid; check it here too so the first step can say so straight away.
  const code = draft.municipality.officialCode.trim();
  if (
    code !== "" &&
    officialCodeProblem(draft.municipality.country, code) &&
    !problems.some((p) => p.path === "municipality.officialCode")
  ) {
    problems.push(
      toFieldProblem(
        {
          code: "custom",
          path: ["municipality", "officialCode"],
          message: "",
          input: code,
        } as z.core.$ZodIssue,
        input,
      ),
    );
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (step !== "summary" && p.path.split(".")[0] !== step) return false;
    if (seen.has(p.path)) return false;
    seen.add(p.path);
    return true;
  });
}
