import { z } from "zod";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import type { SituationCategory } from "../taxonomy/situations";
import { CountryCode, IsoDate, isCountryCode, LanguageCode, requiredText, text } from "./common";
import { ContactPerson } from "./contact";
import { municipalityId, officialCodeProblem, type Partner, Region } from "./municipality";
import { ExperienceLevel, type Offer, OfferResource } from "./offer";

/** Size bands a municipality may prefer its partner in, by population. */
export const SIZE_BANDS = {
  small: { max: 19_999 },
  medium: { min: 20_000, max: 99_999 },
  large: { min: 100_000 },
} as const;

/** The KS-style intake a European municipality fills in when it wants a Ukrainian partner. */
export const Questionnaire = z
  .strictObject({
    municipality: z.strictObject({
      country: CountryCode.refine(
        (c) => c !== "UA",
        "the questionnaire is for municipalities outside Ukraine",
      ),
      officialCode: requiredText(32),
      name: requiredText(200),
      nameEn: requiredText(200).optional(),
      region: Region,
      population: z.number().int().nonnegative().max(50_000_000).optional(),
    }),
    contact: ContactPerson,
    motivation: requiredText(4000),
    expertise: z
      .array(
        z.strictObject({
          area: CooperationAreaCode,
          experience: ExperienceLevel,
          resources: z.array(OfferResource).max(7).default(["expertise"]),
          description: text(2000).default(""),
        }),
      )
      .min(1, "name at least one area of expertise")
      .max(20)
      .refine(
        (list) => new Set(list.map((e) => e.area)).size === list.length,
        "each area only once",
      ),
    capacity: z.strictObject({
      partnerships: z.number().int().min(1).max(3),
      staffHoursPerMonth: z.number().nonnegative().max(10_000),
      annualBudgetEur: z.number().nonnegative().max(100_000_000),
    }),
    preferences: z.strictObject({
      regions: z
        .array(z.string().regex(/^UA-\d{2}$/, "expected an oblast ISO code such as UA-46"))
        .max(30)
        .default([]),
      zone: z.enum(["war-zone", "outside", "any"]).default("any"),
      size: z.enum(["small", "medium", "large", "any"]).default("any"),
    }),
    languages: z.array(LanguageCode).min(1, "name at least one working language").max(20),
    politicalDecision: z.strictObject({
      taken: z.boolean(),
      date: IsoDate.optional(),
      body: text(200).optional(),
    }),
  })
  .superRefine((q, ctx) => {
    // An unknown country already failed; its code format is not worth a second message.
    if (!isCountryCode(q.municipality.country)) return;
    const problem = officialCodeProblem(q.municipality.country, q.municipality.officialCode);
    if (problem)
      ctx.addIssue({ code: "custom", path: ["municipality", "officialCode"], message: problem });
  });
/** The KS-style intake a European municipality fills in when it wants a Ukrainian partner. */
export type Questionnaire = z.infer<typeof Questionnaire>;
/** The questionnaire as submitted, before defaults are applied. */
export type QuestionnaireInput = z.input<typeof Questionnaire>;

const ZONE_SITUATIONS: Readonly<Record<"war-zone" | "outside" | "any", SituationCategory[]>> = {
  // Occupied hromadas cannot receive a partner's visits, so "war zone" means front line and de-occupied.
  "war-zone": ["frontline", "deoccupied"],
  outside: ["rear"],
  any: [],
};

/**
 * Maps questionnaire answers to a draft partner profile and its offers; pure, no I/O.
 * @example
 * const { partner, offers } = questionnaireToProfile(Questionnaire.parse(answers));
 */
export function questionnaireToProfile(q: Questionnaire): { partner: Partner; offers: Offer[] } {
  const m = q.municipality;
  const id = municipalityId(m.country, m.officialCode);
  const size = q.preferences.size === "any" ? undefined : { ...SIZE_BANDS[q.preferences.size] };
  const partner: Partner = {
    id,
    kind: "partner",
    country: m.country,
    officialCode: m.officialCode,
    names: { local: m.name, ...(m.nameEn ? { en: m.nameEn } : {}) },
    region: m.region,
    ...(m.population !== undefined ? { population: m.population } : {}),
    status: "draft",
    workingLanguages: [...new Set(q.languages)],
    contacts: [q.contact],
    optOut: false,
    excludedIds: [],
    capacity: q.capacity.partnerships,
    politicalDecision: q.politicalDecision.taken,
    preferences: {
      regions: [...new Set(q.preferences.regions)],
      situations: ZONE_SITUATIONS[q.preferences.zone],
      ...(size ? { size } : {}),
    },
    description: q.motivation,
  };
  const offers: Offer[] = q.expertise.map((e) => ({
    id: `${id}-${e.area}`,
    area: e.area,
    experience: e.experience,
    resources: e.resources,
    description: e.description,
  }));
  return { partner, offers };
}
