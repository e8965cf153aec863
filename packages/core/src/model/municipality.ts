import { z } from "zod";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { SituationCategory } from "../taxonomy/situations";
import {
  Coordinates,
  CountryCode,
  Id,
  IsoDate,
  IsoDateTime,
  isCountryCode,
  LanguageCode,
  requiredText,
  text,
} from "./common";
import { ContactPerson } from "./contact";

/** Whether a municipality is a Ukrainian hromada or a European partner municipality. */
export const MunicipalityKind = z.enum(["hromada", "partner"]);
/** Whether a municipality is a Ukrainian hromada or a European partner municipality. */
export type MunicipalityKind = z.infer<typeof MunicipalityKind>;

/** Official code formats by country: KATOTTG (UA), kommunkod (SE), kommunenummer (NO). */
const OFFICIAL_CODE_FORMATS: ReadonlyMap<string, { pattern: RegExp; name: string }> = new Map([
  ["UA", { pattern: /^UA\d{17}$/, name: "a KATOTTG code (UA followed by 17 digits)" }],
  ["SE", { pattern: /^\d{4}$/, name: "a four-digit kommunkod" }],
  ["NO", { pattern: /^\d{4}$/, name: "a four-digit kommunenummer" }],
]);
const GENERIC_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Checks an official municipality code against its country's format; returns an error text or null. */
export function officialCodeProblem(country: string, code: string): string | null {
  const format = OFFICIAL_CODE_FORMATS.get(country);
  if (format) return format.pattern.test(code) ? null : `expected ${format.name}`;
  return GENERIC_CODE.test(code) ? null : "expected letters and digits, at most 32 characters";
}

/** The stable id Pobratym gives a municipality: lower-case country, a dash, the official code. */
export function municipalityId(country: string, officialCode: string): string {
  return `${country.toLowerCase()}-${officialCode}`;
}

/** A municipality's names: the local form, and Ukrainian, Latin and English where known. */
export const MunicipalityNames = z.strictObject({
  local: requiredText(200),
  uk: requiredText(200).optional(),
  latin: requiredText(200).optional(),
  en: requiredText(200).optional(),
  /** Other names people search by: the administrative centre (Кривий Ріг for Криворізька), exonyms. */
  aliases: z.array(requiredText(200)).max(20).optional(),
});
/** A municipality's names. */
export type MunicipalityNames = z.infer<typeof MunicipalityNames>;

/** The first-level region: oblast (UA), län (SE) or fylke (NO), with its official code. */
export const Region = z.strictObject({
  code: requiredText(32),
  name: requiredText(200),
  nameLatin: requiredText(200).optional(),
  iso: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "expected an ISO 3166-2 code such as UA-05")
    .optional(),
});
/** The first-level region of a municipality. */
export type Region = z.infer<typeof Region>;

/** Whether a profile is published in the catalogue or still a draft awaiting a coordinator. */
export const ProfileStatus = z.enum(["draft", "published"]);
/** Whether a profile is published in the catalogue or still a draft awaiting a coordinator. */
export type ProfileStatus = z.infer<typeof ProfileStatus>;

/** Who entered a value by hand (a coordinator or the municipality's editor), and when. */
const entered = { by: requiredText(200), at: IsoDateTime };

/**
 * Figures and corrections entered by people, kept apart from the reference values the import
 * owns, each with who entered it and when. A re-import never overwrites them; a dated situation
 * correction outranks the reference situation when it is newer (see `effectiveSituation`).
 */
export const HandEdits = z.strictObject({
  displacedHosted: z
    .strictObject({ value: z.number().int().nonnegative().max(10_000_000), ...entered })
    .optional(),
  situation: z
    .strictObject({
      category: SituationCategory,
      /** The date the corrected situation holds from, e.g. the date of Order No. 376. */
      asOf: IsoDate,
      source: text(300).optional(),
      ...entered,
    })
    .optional(),
  capacity: z.strictObject({ value: z.number().int().min(0).max(10), ...entered }).optional(),
  politicalDecision: z.strictObject({ value: z.boolean(), ...entered }).optional(),
});
/** Figures and corrections entered by people, with who and when. */
export type HandEdits = z.infer<typeof HandEdits>;

const base = {
  id: Id,
  country: CountryCode,
  officialCode: requiredText(32),
  names: MunicipalityNames,
  region: Region,
  population: z.number().int().nonnegative().max(50_000_000).optional(),
  populationYear: z.number().int().min(1900).max(2100).optional(),
  areaKm2: z.number().positive().max(1_000_000).optional(),
  centre: Coordinates.optional(),
  status: ProfileStatus.default("published"),
  workingLanguages: z.array(LanguageCode).max(20).default([]),
  contacts: z.array(ContactPerson).max(20).default([]),
  /** The municipality asked not to be matched at all. */
  optOut: z.boolean().default(false),
  /** Municipalities this one asked never to be matched with. */
  excludedIds: z.array(Id).max(500).default([]),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  description: text(4000).optional(),
  handEdits: HandEdits.optional(),
};

/** A hromada's situation following KS's two groups, plus the occupied-before-2022 flag. */
export const HromadaSituation = z.strictObject({
  category: SituationCategory,
  /** Internally displaced people hosted, where known (mostly for `rear` hromadas). */
  displacedHosted: z.number().int().nonnegative().max(10_000_000).optional(),
  occupiedBefore2022: z.boolean().default(false),
  asOf: IsoDate.optional(),
  source: text(300).optional(),
});
/** A hromada's situation. */
export type HromadaSituation = z.infer<typeof HromadaSituation>;

/** A hromada's type in Ukrainian law: сільська (rural), селищна (settlement) or міська (urban). */
export const HromadaType = z.enum(["rural", "settlement", "urban"]);
/** A hromada's type. */
export type HromadaType = z.infer<typeof HromadaType>;

/** Size band used in stated preferences. */
export const SizePreference = z
  .strictObject({
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
  })
  .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
/** Size band used in stated preferences. */
export type SizePreference = z.infer<typeof SizePreference>;

/** A Ukrainian hromada (or Kyiv city) in the catalogue. */
export const Hromada = z
  .strictObject({
    ...base,
    kind: z.literal("hromada"),
    country: z.literal("UA"),
    hromadaType: HromadaType.optional(),
    raion: z.strictObject({ code: requiredText(32), name: requiredText(200) }).optional(),
    situation: HromadaSituation,
    /**
     * The situation the reference files give, kept when a hand-entered correction exists (shown
     * beside it; `situation` is the one that counts).
     */
    referenceSituation: HromadaSituation.optional(),
    /** True once the hromada has run an international partnership before. */
    internationalExperience: z.boolean().default(false),
    preferences: z
      .strictObject({ countries: z.array(CountryCode).max(60).default([]) })
      .default({ countries: [] }),
  })
  .superRefine(refineOfficialCode);
/** A Ukrainian hromada (or Kyiv city) in the catalogue. */
export type Hromada = z.infer<typeof Hromada>;

/** A European partner municipality in the catalogue. */
export const Partner = z
  .strictObject({
    ...base,
    kind: z.literal("partner"),
    country: CountryCode.refine((c) => c !== "UA", "a partner municipality is outside Ukraine"),
    /** How many partnerships the municipality can carry at once. */
    capacity: z.number().int().min(0).max(10).default(1),
    /** Whether the council has taken a political decision to seek a Ukrainian partner. */
    politicalDecision: z.boolean().default(false),
    /** Areas the municipality wants to learn about from a hromada (see the `learn-from` score component). */
    learningInterests: z.array(CooperationAreaCode).max(20).optional(),
    preferences: z
      .strictObject({
        regions: z
          .array(z.string().regex(/^UA-\d{2}$/, "expected an oblast ISO code such as UA-46"))
          .max(30)
          .default([]),
        situations: z.array(SituationCategory).max(4).default([]),
        size: SizePreference.optional(),
      })
      .default({ regions: [], situations: [] }),
  })
  .superRefine(refineOfficialCode);
/** A European partner municipality in the catalogue. */
export type Partner = z.infer<typeof Partner>;

/** A municipality of either kind, told apart by `kind`. */
export const Municipality = z.discriminatedUnion("kind", [Hromada, Partner]);
/** A municipality of either kind, told apart by `kind`. */
export type Municipality = z.infer<typeof Municipality>;

function refineOfficialCode(
  m: { country: string; officialCode: string },
  ctx: z.RefinementCtx,
): void {
  // An unknown country already failed; its code format is not worth a second message.
  if (!isCountryCode(m.country)) return;
  const problem = officialCodeProblem(m.country, m.officialCode);
  if (problem) ctx.addIssue({ code: "custom", path: ["officialCode"], message: problem });
}
