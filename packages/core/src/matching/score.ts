// How a pair is scored. Each component yields a value in [0, 1]; its contribution is
// weight × value (see weights.ts), and the score is the sum, 0–100 with the default weights.
// - thematic-fit: Σ over the hromada's open need areas of (priority weight / total priority
//   weight) × (best offer experience in that area / 3); NEED_PRIORITY_WEIGHT, EXPERIENCE_WEIGHT.
// - situation-fit (KS): max(rebuilding, hosting × best reception offer). Rebuilding is the best
//   offer level on one of the hromada's own open needs in the rebuilding groups (infrastructure
//   and administration) for a frontline or de-occupied hromada; an occupied one can be helped
//   only at a distance, so for it the groups are governance, administration and services.
//   Reception = group reception, and hosting = min(1, max(displaced / 10,000, displaced / (10 %
//   of population))); offer levels as above. A rear hromada gets rebuilding 0.
// - size: max(0, 1 − |log10(hromada population / partner population)|); 0.5 when one is unknown.
// - language: 1 when a working language is shared (the hromada always counts Ukrainian).
// - preference: mean of four outcomes, 1 met, 0 unmet or not stated: the partner's oblasts,
//   situations and size band, and the hromada's countries. Nobody is scored for a preference
//   nobody stated.
// - fairness: 0.5 when the hromada has no partnership yet, plus 0.5 when it is under 10,000
//   people and has no international experience.
// - learn-from: the share of the partner's learningInterests that the hromada offers
//   (|interests ∩ hromada offer areas| / |interests|), 0 when none are stated; a small weight,
//   and the component is listed only when it contributes ("what you can learn from them").
// Hard constraints exclude the pair instead: an existing partnership, an opt-out on either side,
// either side's excludedIds, no capacity left (capacity − partnershipCount ≤ 0), with
// policy.excludeReviewCountryTies an active (verified) tie to a Russian or Belarusian town, with
// policy.excludeFlaggedTies also an unverified (under-review) one, and with
// policy.requireThematicFit a pair without thematic fit (suggestions and rounds set it by default).
import { InvalidInputError } from "../errors";
import { isCountryCode } from "../model/common";
import { NEED_PRIORITY_WEIGHT, type NeedPriority } from "../model/need";
import { EXPERIENCE_WEIGHT, type ExperienceLevel } from "../model/offer";
import { needsReview } from "../model/tie";
import { COOPERATION_AREAS, type CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { type SituationCategory, type SituationZone, situationZone } from "../taxonomy/situations";
import type { HromadaProfile, MatchingPolicy, PairRef, PartnerProfile } from "./profiles";
import { resolveWeights, type ScoreWeights } from "./weights";

// ---------------------------------------------------------------------------------------------
// Public result shapes
// ---------------------------------------------------------------------------------------------

/** Stable reason codes of the score components, for explanations in any interface language. */
export type ScoreComponentCode =
  | "thematic-fit"
  | "situation-fit"
  | "size"
  | "language"
  | "preference"
  | "fairness"
  | "learn-from";

/** One need area the partner also offers, with the need's priority and the offer's experience. */
export interface ThematicMatch {
  area: CooperationAreaCode;
  needPriority: NeedPriority;
  offerExperience: ExperienceLevel;
}

/** Whether one stated preference is met, unmet, or was not stated (`none` counts half). */
export type PreferenceOutcome = "met" | "unmet" | "none";

/** The data behind each score component, keyed by reason code. */
export interface ScoreComponentData {
  "thematic-fit": {
    value: number;
    /** Need areas the partner offers, in taxonomy order. */
    matched: ThematicMatch[];
    /** Open need areas the partner does not offer, in taxonomy order. */
    unmatched: CooperationAreaCode[];
  };
  "situation-fit": {
    value: number;
    category: SituationCategory;
    zone: SituationZone;
    displacedHosted: number | null;
    /** 0–1: full from 10,000 displaced people hosted or 10 % of the population. */
    hostingStrength: number;
    /**
     * Which rule fired: rebuilding (the partner offers on one of the hromada's own open needs in
     * the rebuilding groups), or reception (the hromada hosts displaced people and the partner
     * offers reception).
     */
    basis: "rebuilding" | "reception" | null;
    /**
     * What the fit rests on: for rebuilding, the hromada's own open need areas that the partner
     * offers; for reception, the partner's reception offers.
     */
    areas: CooperationAreaCode[];
  };
  size: {
    value: number;
    hromadaPopulation: number | null;
    partnerPopulation: number | null;
    /** The year each population was counted, as the data gives it (Ukraine 2022, Sweden 2024, …). */
    hromadaPopulationYear: number | null;
    partnerPopulationYear: number | null;
    /** |log10(hromada population / partner population)|; null when a population is unknown. */
    log10Ratio: number | null;
  };
  language: { value: number; shared: string[] };
  preference: {
    value: number;
    partnerRegions: PreferenceOutcome;
    partnerSituations: PreferenceOutcome;
    partnerSize: PreferenceOutcome;
    hromadaCountries: PreferenceOutcome;
  };
  fairness: { value: number; noPartnerYet: boolean; smallWithoutExperience: boolean };
  "learn-from": {
    value: number;
    /** The partner's learning interests that the hromada offers, in taxonomy order. */
    areas: CooperationAreaCode[];
  };
}

/** One component of a pair's score: reason code, contribution to the score, and the data that caused it. */
export type ScoreComponent = {
  [C in ScoreComponentCode]: { code: C; contribution: number; data: ScoreComponentData[C] };
}[ScoreComponentCode];

/** Stable codes of the hard constraints that exclude a pair. */
export type ExclusionCode =
  | "existing-partnership"
  | "opt-out"
  | "excluded-id"
  | "no-capacity"
  | "review-country-tie"
  | "flagged-tie"
  | "no-thematic-fit";

/** A hard constraint that excludes a pair, with the data that triggered it. */
export type Exclusion =
  | { code: "existing-partnership"; data: { hromadaId: string; partnerId: string } }
  | { code: "opt-out"; data: { side: "hromada" | "partner"; id: string } }
  | { code: "excluded-id"; data: { side: "hromada" | "partner"; id: string; excludedId: string } }
  | { code: "no-capacity"; data: { capacity: number; partnershipCount: number } }
  | {
      code: "review-country-tie";
      data: { ties: { foreignTown: string; foreignCountry: string; status: string }[] };
    }
  | {
      code: "flagged-tie";
      data: { ties: { foreignTown: string; foreignCountry: string; status: string }[] };
    }
  | { code: "no-thematic-fit"; data: Record<string, never> };

/**
 * Something a coordinator should look at before accepting a pair that does not exclude it: an
 * unverified (under-review) tie to a Russian or Belarusian town, for instance one imported from
 * Wikipedia and not yet checked.
 */
export type PairFlag = {
  code: "flagged-tie";
  data: { ties: { foreignTown: string; foreignCountry: string; status: string }[] };
};

/** A pair that may be matched: its score and the components that add up to it (six, and learn-from when it contributes). */
export interface ScoredPair {
  excluded: false;
  score: number;
  components: ScoreComponent[];
  /** True when the pair has no thematic fit (only possible with `requireThematicFit: false`). */
  exploratory: boolean;
  /** Flags to check before accepting the pair (they do not exclude it). */
  flags: PairFlag[];
}

/** A pair that a hard constraint rules out, with every constraint that applies. */
export interface ExcludedPair {
  excluded: true;
  exclusions: Exclusion[];
}

/** The outcome of scoring one hromada–partner pair. */
export type PairScore = ScoredPair | ExcludedPair;

/** A bit per cooperation area (there are fewer than 31). */
function areaMask(areas: readonly string[]): number {
  let mask = 0;
  for (const a of areas) {
    const i = AREA_INDEX.get(a);
    if (i !== undefined) mask |= 1 << i;
  }
  return mask;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** learn-from's value: the share of the partner's learning interests that the hromada offers. */
function learnValue(h: PreparedHromada, p: PreparedPartner): number {
  if (p.learnCount === 0) return 0;
  const shared = h.offerAreaMask & p.learnMask;
  return shared === 0 ? 0 : popcount(shared) / p.learnCount;
}

/** Options shared by scoring, suggestions and rounds. */
export interface ScoreOptions {
  /** Partial weights over `DEFAULT_WEIGHTS`. */
  weights?: Partial<ScoreWeights>;
  /** Pairs that already have a partnership; they are excluded. */
  existingPairs?: readonly PairRef[];
  policy?: MatchingPolicy;
}

// ---------------------------------------------------------------------------------------------
// Tunable constants (documented; changing them changes scores)
// ---------------------------------------------------------------------------------------------

/** Hosting strength reaches 1 at this many displaced people hosted… */
export const HOSTING_FULL_DISPLACED = 10_000;
/** …or at this share of the hromada's population, whichever comes first. */
export const HOSTING_FULL_SHARE = 0.1;
/** Hromadas below this population without international experience get half the fairness boost. */
export const SMALL_HROMADA_POPULATION = 10_000;

/** The score `compileScorer().score` returns for an excluded pair (real scores are ≥ 0). */
export const EXCLUDED_SCORE = -1;

// Ukrainian first-level regions by ISO 3166-2 code; a fixed table, so bit masks are global.
const OBLAST_ISO =
  "UA-05 UA-07 UA-09 UA-12 UA-14 UA-18 UA-21 UA-23 UA-26 UA-30 UA-32 UA-35 UA-40 UA-43 UA-46 UA-48 UA-51 UA-53 UA-56 UA-59 UA-61 UA-63 UA-65 UA-68 UA-71 UA-74 UA-77".split(
    " ",
  );
const OBLAST_BIT = new Map<string, number>(OBLAST_ISO.map((iso, i) => [iso, 1 << i]));

const SITUATION_BIT: Readonly<Record<SituationCategory, number>> = {
  occupied: 1,
  frontline: 2,
  deoccupied: 4,
  rear: 8,
};

// Languages with their own bit; any other language shares OTHER_LANGUAGE and is compared by list.
const LANGUAGE_BITS =
  "uk en sv nb nn no da fi de pl fr lt lv et cs sk ro hu nl it es pt is se ru be ka bg hr sl".split(
    " ",
  );
const LANGUAGE_BIT = new Map<string, number>(LANGUAGE_BITS.map((l, i) => [l, 1 << i]));
const OTHER_LANGUAGE = 1 << 30;

const AREA_INDEX = new Map<string, number>(COOPERATION_AREAS.map((a, i) => [a.code, i]));
const AREA_COUNT = COOPERATION_AREAS.length;
const REBUILDING_AREA = COOPERATION_AREAS.map(
  (a) => a.group === "infrastructure" || a.group === "administration",
);
// Work at a distance: what a partner can do for a hromada it cannot visit.
const AT_DISTANCE_AREA = COOPERATION_AREAS.map(
  (a) => a.group === "governance" || a.group === "administration" || a.group === "services",
);
const RECEPTION_AREA = COOPERATION_AREAS.map((a) => a.group === "reception");
const MAX_EXPERIENCE = EXPERIENCE_WEIGHT.expert;
const PRIORITIES = Object.keys(NEED_PRIORITY_WEIGHT) as NeedPriority[];
const EXPERIENCES = Object.keys(EXPERIENCE_WEIGHT) as ExperienceLevel[];
const NEED_STATUSES = ["open", "in-progress", "met", "withdrawn"];
const TIE_STATUSES = ["active", "frozen", "terminated", "under-review"];

function countryIndex(code: string): number {
  return (code.charCodeAt(0) - 65) * 26 + (code.charCodeAt(1) - 65);
}

// ---------------------------------------------------------------------------------------------
// Prepared profiles: everything a pair needs, precomputed once per profile
// ---------------------------------------------------------------------------------------------

/** A hromada profile checked and precomputed for fast scoring; build it with `Scorer.prepareHromada`. */
export interface PreparedHromada {
  readonly kind: "hromada";
  readonly id: string;
  readonly profile: HromadaProfile;
  /** Area index of each open need area (one entry per area, taxonomy order). */
  readonly needArea: Int32Array;
  /** Normalised weight of each entry of `needArea` (they sum to 1). */
  readonly needWeight: Float64Array;
  /** Highest priority of the open needs per entry of `needArea`. */
  readonly needPriority: readonly NeedPriority[];
  readonly warZone: number;
  /**
   * Area index of each open need that situation fit can rest on: the rebuilding groups for a
   * frontline or de-occupied hromada, governance, administration and services for an occupied
   * one, none for a rear one.
   */
  readonly situationArea: Int32Array;
  readonly occupiedBefore2022: boolean;
  readonly hosting: number;
  readonly log10Population: number;
  readonly population: number;
  readonly languages: number;
  readonly otherLanguages: readonly string[];
  readonly oblastBit: number;
  readonly situationBit: number;
  readonly preferredCountries: Int32Array;
  readonly fairnessValue: number;
  /** Bit i set: the hromada offers COOPERATION_AREAS[i] (for `learn-from`). */
  readonly offerAreaMask: number;
  readonly optOut: boolean;
  /** Partner ids this hromada may not be matched with (its excludedIds and existing pairs). */
  readonly blocked: ReadonlySet<string> | null;
}

/** A partner profile checked and precomputed for fast scoring; build it with `Scorer.preparePartner`. */
export interface PreparedPartner {
  readonly kind: "partner";
  readonly id: string;
  readonly profile: PartnerProfile;
  /** Best offer experience per area index, scaled to [0, 1]. */
  readonly offerLevel: Float64Array;
  readonly reception: number;
  /** True when an unverified (under-review) tie to a Russian or Belarusian town flags the partner. */
  readonly flaggedTie: boolean;
  readonly log10Population: number;
  readonly countryIndex: number;
  readonly languages: number;
  readonly otherLanguages: readonly string[];
  readonly preferredOblasts: number;
  readonly preferredSituations: number;
  readonly sizeMin: number;
  readonly sizeMax: number;
  readonly hasSizePreference: boolean;
  /** Capacity left: `capacity − partnershipCount`, never below 0. */
  readonly remainingCapacity: number;
  /** Bit i set: the partner wants to learn about COOPERATION_AREAS[i]; `learnCount` bits. */
  readonly learnMask: number;
  readonly learnCount: number;
  /** True when a partner-side hard constraint excludes every pair (opt-out, no capacity, policy). */
  readonly unavailable: boolean;
  /** Hromada ids this partner may not be matched with. */
  readonly blocked: ReadonlySet<string> | null;
}

/** A scorer compiled from options: prepare profiles once, then score pairs cheaply and identically to `scorePair`. */
export interface Scorer {
  readonly weights: Readonly<ScoreWeights>;
  readonly policy: Readonly<Required<MatchingPolicy>>;
  /** Checks and precomputes a hromada profile; `field` prefixes error paths. */
  prepareHromada(profile: HromadaProfile, field?: string): PreparedHromada;
  /** Checks and precomputes a partner profile; `field` prefixes error paths. */
  preparePartner(profile: PartnerProfile, field?: string): PreparedPartner;
  /** The pair's score, or `EXCLUDED_SCORE` when a hard constraint applies; no allocation. */
  score(h: PreparedHromada, p: PreparedPartner): number;
  /** The preference contributions of each side alone, for deferred acceptance. */
  preferenceParts(h: PreparedHromada, p: PreparedPartner): { hromada: number; partner: number };
  /** The full explanation: components with data, or every exclusion that applies. */
  explain(h: PreparedHromada, p: PreparedPartner): PairScore;
  /** Packs prepared partners column-wise into flat typed arrays for `scoreBatch`. */
  batchPartners(partners: readonly PreparedPartner[]): PartnerBatch;
  /**
   * Scores one hromada against every partner of a batch into `out` (length ≥ batch size),
   * bit-identical to `score`; the hot path of streaming top-k selection.
   */
  scoreBatch(h: PreparedHromada, batch: PartnerBatch, out: Float64Array): void;
}

/**
 * Prepared partners packed column-wise (struct of arrays) for `Scorer.scoreBatch`. Columns are
 * sorted by population, so column j is `partners[j]`, which came from input position `source[j]`.
 */
export interface PartnerBatch {
  readonly size: number;
  /** The partners in column order. */
  readonly partners: readonly PreparedPartner[];
  /** Input position of each column's partner. */
  readonly source: Int32Array;
  /** Per area a, the columns offering it are `areaColumn[areaStart[a] … areaStart[a + 1])`, ascending. */
  readonly areaStart: Int32Array;
  readonly areaColumn: Int32Array;
  /** Offer level (0–1) of each `areaColumn` entry. */
  readonly areaLevel: Float64Array;
  readonly reception: Float64Array;
  /** Ascending; +Infinity where the population is unknown (those partners are slow). */
  readonly log10Population: Float64Array;
  readonly languages: Int32Array;
  /** Country of each column's partner, as an index (see the hromada's preferred countries). */
  readonly country: Int32Array;
  /** Columns whose partner states any preference (oblasts, situations or size)… */
  readonly preferenceColumns: Int32Array;
  /** …and, aligned with them, those preferences as bit masks and bounds. */
  readonly preferredOblasts: Int32Array;
  readonly preferredSituations: Int32Array;
  readonly sizeMin: Float64Array;
  readonly sizeMax: Float64Array;
  /** 1 when the partner states a size band. */
  readonly hasSizePreference: Uint8Array;
  /** Columns scored by `score` itself: unavailable, blocking, unusual language, unknown population. */
  readonly slowColumns: Int32Array;
}

interface BatchScratch {
  term: Float64Array;
  situation: Float64Array;
  size: Float64Array;
  languageTerms: Map<number, Float64Array>;
}

// ---------------------------------------------------------------------------------------------
// Validation helpers (cheap, hand-written so 90,000 profiles prepare in milliseconds)
// ---------------------------------------------------------------------------------------------

function fail(field: string, message: string): never {
  throw new InvalidInputError(field, message);
}

function checkCount(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    fail(field, "expected a non-negative integer");
  }
  return value;
}

function checkPopulation(value: unknown, field: string): number {
  if (value === undefined) return -1;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    fail(field, "expected a non-negative number");
  }
  return value;
}

function checkObject(value: unknown, field: string): void {
  if (value === null || typeof value !== "object") fail(field, "expected an object");
}

function checkArray(value: unknown, field: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(field, "expected an array");
  return value;
}

function checkId(value: unknown, field: string): string {
  if (typeof value !== "string" || value.length === 0) fail(field, "expected a non-empty id");
  return value;
}

function languageMask(list: readonly unknown[], field: string): { mask: number; other: string[] } {
  let mask = 0;
  const other: string[] = [];
  list.forEach((l, i) => {
    const bit = typeof l === "string" ? LANGUAGE_BIT.get(l) : undefined;
    if (bit !== undefined) mask |= bit;
    else {
      if (typeof l !== "string" || !/^[a-z]{2}$/.test(l)) {
        fail(`${field}[${i}]`, "expected an ISO 639-1 language code");
      }
      mask |= OTHER_LANGUAGE;
      if (!other.includes(l)) other.push(l);
    }
  });
  other.sort();
  return { mask, other };
}

function log10OrNaN(population: number): number {
  // A population of 0 is treated as 1 so the ratio stays finite.
  return population < 0 ? Number.NaN : Math.log10(Math.max(1, population));
}

function prefixed(field: string, rest: string): string {
  return field === "" ? rest : `${field}.${rest}`;
}

// ---------------------------------------------------------------------------------------------
// Component values shared by the fast path and the explanation (same arithmetic, same order)
// ---------------------------------------------------------------------------------------------

function thematicValue(h: PreparedHromada, p: PreparedPartner): number {
  const area = h.needArea;
  const weight = h.needWeight;
  const level = p.offerLevel;
  let t = 0;
  for (let k = 0; k < area.length; k++)
    t += (weight[k] as number) * (level[area[k] as number] as number);
  return t;
}

function rebuildingValue(h: PreparedHromada, p: PreparedPartner): number {
  const area = h.situationArea;
  const level = p.offerLevel;
  let best = 0;
  for (let k = 0; k < area.length; k++) {
    const v = level[area[k] as number] as number;
    if (v > best) best = v;
  }
  return best;
}

function situationValue(h: PreparedHromada, p: PreparedPartner): number {
  return Math.max(rebuildingValue(h, p), h.hosting * p.reception);
}

function sizeValue(h: PreparedHromada, p: PreparedPartner): number {
  const d = Math.abs(h.log10Population - p.log10Population);
  // NaN (a population unknown) is neutral; a tenfold difference or more scores 0.
  return Number.isNaN(d) ? 0.5 : d >= 1 ? 0 : 1 - d;
}

function sharesOtherLanguage(h: PreparedHromada, p: PreparedPartner): boolean {
  for (const l of h.otherLanguages) if (p.otherLanguages.includes(l)) return true;
  return false;
}

function languageValue(h: PreparedHromada, p: PreparedPartner): number {
  const m = h.languages & p.languages;
  if (m === 0) return 0;
  return m !== OTHER_LANGUAGE || sharesOtherLanguage(h, p) ? 1 : 0;
}

// Each outcome is 1 when a stated preference is met and 0 otherwise: unstated counts nothing.
function regionOutcome(h: PreparedHromada, p: PreparedPartner): number {
  return (p.preferredOblasts & h.oblastBit) !== 0 ? 1 : 0;
}

function situationOutcome(h: PreparedHromada, p: PreparedPartner): number {
  return (p.preferredSituations & h.situationBit) !== 0 ? 1 : 0;
}

function sizeOutcome(h: PreparedHromada, p: PreparedPartner): number {
  if (!p.hasSizePreference || h.population < 0) return 0;
  return h.population >= p.sizeMin && h.population <= p.sizeMax ? 1 : 0;
}

function countryOutcome(h: PreparedHromada, p: PreparedPartner): number {
  const list = h.preferredCountries;
  if (list.length === 0) return 0;
  for (let i = 0; i < list.length; i++) if (list[i] === p.countryIndex) return 1;
  return 0;
}

function isBlocked(h: PreparedHromada, p: PreparedPartner): boolean {
  if (p.unavailable || h.optOut) return true;
  if (h.blocked?.has(p.id)) return true;
  return p.blocked?.has(h.id) === true;
}

function outcomeName(stated: boolean, v: number): PreferenceOutcome {
  return !stated ? "none" : v === 1 ? "met" : "unmet";
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------
// The compiler
// ---------------------------------------------------------------------------------------------

/**
 * Compiles scoring options (weights, existing pairs, policy) into a scorer whose prepared
 * profiles score a pair in a few dozen nanoseconds; `scorePair` uses it, so both agree exactly.
 * @example
 * const scorer = compileScorer({ weights: { language: 5 } });
 * const h = scorer.prepareHromada(hromadaProfile);
 * const best = partners.map((p) => scorer.score(h, scorer.preparePartner(p)));
 */
export function compileScorer(options: ScoreOptions = {}): Scorer {
  if (options === null || typeof options !== "object") fail("options", "expected an object");
  const weights = Object.freeze(resolveWeights(options.weights));
  const policyIn = options.policy ?? {};
  checkObject(policyIn, "policy");
  for (const name of [
    "excludeReviewCountryTies",
    "excludeFlaggedTies",
    "requireThematicFit",
  ] as const) {
    if (policyIn[name] !== undefined && typeof policyIn[name] !== "boolean") {
      fail(`policy.${name}`, "expected a boolean");
    }
  }
  const policy = Object.freeze({
    excludeReviewCountryTies: policyIn.excludeReviewCountryTies ?? false,
    excludeFlaggedTies: policyIn.excludeFlaggedTies ?? false,
    requireThematicFit: policyIn.requireThematicFit ?? false,
  });
  const requireFit = policy.requireThematicFit;
  const isExcluded = (h: PreparedHromada, p: PreparedPartner): boolean =>
    isBlocked(h, p) || (requireFit && thematicValue(h, p) === 0);

  const existingByHromada = new Map<string, Set<string>>();
  checkArray(options.existingPairs, "existingPairs").forEach((pair, i) => {
    checkObject(pair, `existingPairs[${i}]`);
    const { hromadaId, partnerId } = pair as PairRef;
    checkId(hromadaId, `existingPairs[${i}].hromadaId`);
    checkId(partnerId, `existingPairs[${i}].partnerId`);
    let set = existingByHromada.get(hromadaId);
    if (!set) {
      set = new Set();
      existingByHromada.set(hromadaId, set);
    }
    set.add(partnerId);
  });

  const wT = weights.thematicFit;
  const wS = weights.situationFit;
  const wZ = weights.size;
  const wL = weights.language;
  const wP = weights.preference;
  const wF = weights.fairness;
  const wN = weights.learnFrom;

  function prepareHromada(profile: HromadaProfile, field = "hromada"): PreparedHromada {
    checkObject(profile, field === "" ? "profile" : field);
    const m = profile.municipality;
    const mf = prefixed(field, "municipality");
    checkObject(m, mf);
    if (m.kind !== "hromada") fail(`${mf}.kind`, 'expected "hromada"');
    const id = checkId(m.id, `${mf}.id`);
    const population = checkPopulation(m.population, `${mf}.population`);
    checkObject(m.situation, `${mf}.situation`);
    const category = m.situation.category;
    if (!Object.hasOwn(SITUATION_BIT, category)) {
      fail(`${mf}.situation.category`, "expected occupied, frontline, deoccupied or rear");
    }
    const displaced = checkPopulation(
      m.situation.displacedHosted,
      `${mf}.situation.displacedHosted`,
    );
    let oblastBit = 0;
    if (m.region?.iso !== undefined) {
      const bit = OBLAST_BIT.get(m.region.iso);
      if (bit === undefined)
        fail(`${mf}.region.iso`, "expected a Ukrainian oblast code such as UA-46");
      oblastBit = bit;
    }
    const langs = checkArray(m.workingLanguages, `${mf}.workingLanguages`);
    // Every hromada works in Ukrainian, whether or not it says so.
    const { mask, other } = languageMask(langs, `${mf}.workingLanguages`);
    const countries = checkArray(m.preferences?.countries, `${mf}.preferences.countries`).map(
      (c, i) => {
        if (typeof c !== "string" || !isCountryCode(c)) {
          fail(`${mf}.preferences.countries[${i}]`, "expected an ISO 3166-1 alpha-2 country code");
        }
        return countryIndex(c);
      },
    );
    const excluded = checkArray(m.excludedIds, `${mf}.excludedIds`).map((x, i) =>
      checkId(x, `${mf}.excludedIds[${i}]`),
    );
    const partnershipCount = checkCount(
      profile.partnershipCount,
      prefixed(field, "partnershipCount"),
    );

    // Highest open-need priority per area, in taxonomy order.
    const best = new Int32Array(AREA_COUNT);
    checkArray(profile.needs, prefixed(field, "needs")).forEach((n, i) => {
      const nf = prefixed(field, `needs[${i}]`);
      checkObject(n, nf);
      const need = n as HromadaProfile["needs"][number];
      const idx = AREA_INDEX.get(need.area);
      if (idx === undefined) fail(`${nf}.area`, `unknown cooperation area "${String(need.area)}"`);
      const priority = need.priority ?? "medium";
      const w = NEED_PRIORITY_WEIGHT[priority];
      if (!Object.hasOwn(NEED_PRIORITY_WEIGHT, priority))
        fail(`${nf}.priority`, `expected one of ${PRIORITIES.join(", ")}`);
      const status = need.status ?? "open";
      if (!NEED_STATUSES.includes(status))
        fail(`${nf}.status`, `expected one of ${NEED_STATUSES.join(", ")}`);
      if (status === "open" && w > (best[idx] as number)) best[idx] = w;
    });
    const areas: number[] = [];
    let total = 0;
    for (let a = 0; a < AREA_COUNT; a++) {
      const w = best[a] as number;
      if (w > 0) {
        areas.push(a);
        total += w;
      }
    }
    const needArea = Int32Array.from(areas);
    const zone = situationZone(category);
    const situationGroups = category === "occupied" ? AT_DISTANCE_AREA : REBUILDING_AREA;
    const situationArea = Int32Array.from(
      zone === "war-zone" ? areas.filter((a) => situationGroups[a]) : [],
    );
    const needWeight = Float64Array.from(areas, (a) => (best[a] as number) / total);
    const needPriority = areas.map(
      (a) => PRIORITIES.find((p) => NEED_PRIORITY_WEIGHT[p] === best[a]) ?? "medium",
    );

    const hosting =
      displaced < 0
        ? 0
        : Math.min(
            1,
            Math.max(
              displaced / HOSTING_FULL_DISPLACED,
              population > 0 ? displaced / (HOSTING_FULL_SHARE * population) : 0,
            ),
          );
    const small = population >= 0 && population < SMALL_HROMADA_POPULATION;
    const fairnessValue =
      (partnershipCount === 0 ? 0.5 : 0) + (small && m.internationalExperience !== true ? 0.5 : 0);
    const existing = existingByHromada.get(id);
    const blockedSet =
      excluded.length > 0 || existing !== undefined
        ? new Set<string>([...excluded, ...(existing ?? [])])
        : null;

    return {
      kind: "hromada",
      id,
      profile,
      needArea,
      needWeight,
      needPriority,
      warZone: zone === "war-zone" ? 1 : 0,
      situationArea,
      occupiedBefore2022: m.situation.occupiedBefore2022 === true,
      hosting,
      log10Population: log10OrNaN(population),
      population,
      languages: mask | (LANGUAGE_BIT.get("uk") as number),
      otherLanguages: other,
      oblastBit,
      situationBit: SITUATION_BIT[category],
      preferredCountries: Int32Array.from(countries),
      fairnessValue,
      offerAreaMask: areaMask((profile.offers ?? []).map((o) => o.area)),
      optOut: m.optOut === true,
      blocked: blockedSet,
    };
  }

  function preparePartner(profile: PartnerProfile, field = "partner"): PreparedPartner {
    checkObject(profile, field === "" ? "profile" : field);
    const m = profile.municipality;
    const mf = prefixed(field, "municipality");
    checkObject(m, mf);
    if (m.kind !== "partner") fail(`${mf}.kind`, 'expected "partner"');
    const id = checkId(m.id, `${mf}.id`);
    if (typeof m.country !== "string" || !isCountryCode(m.country) || m.country === "UA") {
      fail(`${mf}.country`, "expected an ISO 3166-1 alpha-2 country code other than UA");
    }
    const population = checkPopulation(m.population, `${mf}.population`);
    const capacity = checkCount(m.capacity ?? 1, `${mf}.capacity`);
    const partnershipCount = checkCount(
      profile.partnershipCount,
      prefixed(field, "partnershipCount"),
    );
    const { mask, other } = languageMask(
      checkArray(m.workingLanguages, `${mf}.workingLanguages`),
      `${mf}.workingLanguages`,
    );
    const prefs = m.preferences ?? { regions: [], situations: [] };
    let preferredOblasts = 0;
    checkArray(prefs.regions, `${mf}.preferences.regions`).forEach((r, i) => {
      const bit = typeof r === "string" ? OBLAST_BIT.get(r) : undefined;
      if (bit === undefined)
        fail(`${mf}.preferences.regions[${i}]`, "expected a Ukrainian oblast code such as UA-46");
      preferredOblasts |= bit;
    });
    let preferredSituations = 0;
    checkArray(prefs.situations, `${mf}.preferences.situations`).forEach((s, i) => {
      if (typeof s !== "string" || !Object.hasOwn(SITUATION_BIT, s)) {
        fail(
          `${mf}.preferences.situations[${i}]`,
          "expected occupied, frontline, deoccupied or rear",
        );
      }
      preferredSituations |= SITUATION_BIT[s as SituationCategory];
    });
    let sizeMin = 0;
    let sizeMax = Number.POSITIVE_INFINITY;
    const hasSizePreference =
      prefs.size !== undefined && (prefs.size.min !== undefined || prefs.size.max !== undefined);
    if (prefs.size !== undefined) {
      if (prefs.size.min !== undefined)
        sizeMin = checkPopulation(prefs.size.min, `${mf}.preferences.size.min`);
      if (prefs.size.max !== undefined)
        sizeMax = checkPopulation(prefs.size.max, `${mf}.preferences.size.max`);
      if (sizeMin > sizeMax) fail(`${mf}.preferences.size.min`, "must not exceed max");
    }
    const excluded = checkArray(m.excludedIds, `${mf}.excludedIds`).map((x, i) =>
      checkId(x, `${mf}.excludedIds[${i}]`),
    );

    const offerLevel = new Float64Array(AREA_COUNT);
    let reception = 0;
    checkArray(profile.offers, prefixed(field, "offers")).forEach((o, i) => {
      const of = prefixed(field, `offers[${i}]`);
      checkObject(o, of);
      const offer = o as PartnerProfile["offers"][number];
      const idx = AREA_INDEX.get(offer.area);
      if (idx === undefined) fail(`${of}.area`, `unknown cooperation area "${String(offer.area)}"`);
      const experience = offer.experience ?? "experienced";
      if (!Object.hasOwn(EXPERIENCE_WEIGHT, experience))
        fail(`${of}.experience`, `expected one of ${EXPERIENCES.join(", ")}`);
      const level = EXPERIENCE_WEIGHT[experience] / MAX_EXPERIENCE;
      if (level > (offerLevel[idx] as number)) offerLevel[idx] = level;
      if (RECEPTION_AREA[idx] && level > reception) reception = level;
    });
    let reviewTie = false;
    let flaggedTie = false;
    checkArray(profile.ties, prefixed(field, "ties")).forEach((t, i) => {
      const tf = prefixed(field, `ties[${i}]`);
      checkObject(t, tf);
      const tie = t as PartnerProfile["ties"][number];
      if (typeof tie.foreignCountry !== "string" || !isCountryCode(tie.foreignCountry)) {
        fail(`${tf}.foreignCountry`, "expected an ISO 3166-1 alpha-2 country code");
      }
      if (!TIE_STATUSES.includes(tie.status ?? "active"))
        fail(`${tf}.status`, `expected one of ${TIE_STATUSES.join(", ")}`);
      const status = tie.status ?? "active";
      if (needsReview({ foreignCountry: tie.foreignCountry, status })) {
        // An under-review tie is unverified (the Wikipedia import marks them so): it flags the
        // partner, and excludes it only when the coordinators' setting says so.
        if (status === "under-review") flaggedTie = true;
        else reviewTie = true;
      }
    });
    const remainingCapacity = Math.max(0, capacity - partnershipCount);
    const blockedSet = excluded.length > 0 ? new Set<string>(excluded) : null;

    return {
      kind: "partner",
      id,
      profile,
      offerLevel,
      reception,
      flaggedTie,
      log10Population: log10OrNaN(population),
      countryIndex: countryIndex(m.country),
      languages: mask,
      otherLanguages: other,
      preferredOblasts,
      preferredSituations,
      sizeMin,
      sizeMax,
      hasSizePreference,
      remainingCapacity,
      learnMask: areaMask(m.learningInterests ?? []),
      learnCount: popcount(areaMask(m.learningInterests ?? [])),
      unavailable:
        m.optOut === true ||
        remainingCapacity === 0 ||
        (policy.excludeReviewCountryTies && reviewTie) ||
        (policy.excludeFlaggedTies && flaggedTie),
      blocked: blockedSet,
    };
  }

  // Hot path: keep it monomorphic and allocation-free. `explain` must use the same arithmetic.
  function score(h: PreparedHromada, p: PreparedPartner): number {
    if (isBlocked(h, p)) return EXCLUDED_SCORE;
    const thematic = thematicValue(h, p);
    if (requireFit && thematic === 0) return EXCLUDED_SCORE;
    const situation = situationValue(h, p);
    const preference =
      (regionOutcome(h, p) + situationOutcome(h, p) + sizeOutcome(h, p) + countryOutcome(h, p)) *
      0.25;
    return (
      wT * thematic +
      wS * situation +
      wZ * sizeValue(h, p) +
      wL * languageValue(h, p) +
      wP * preference +
      wF * h.fairnessValue +
      wN * learnValue(h, p)
    );
  }

  function preferenceParts(
    h: PreparedHromada,
    p: PreparedPartner,
  ): { hromada: number; partner: number } {
    return {
      hromada: wP * countryOutcome(h, p) * 0.25,
      partner: wP * (regionOutcome(h, p) + situationOutcome(h, p) + sizeOutcome(h, p)) * 0.25,
    };
  }

  function exclusions(h: PreparedHromada, p: PreparedPartner): Exclusion[] {
    const out: Exclusion[] = [];
    const hm = h.profile.municipality;
    const pm = p.profile.municipality;
    if (existingByHromada.get(h.id)?.has(p.id)) {
      out.push({ code: "existing-partnership", data: { hromadaId: h.id, partnerId: p.id } });
    }
    if (hm.optOut === true) out.push({ code: "opt-out", data: { side: "hromada", id: h.id } });
    if (pm.optOut === true) out.push({ code: "opt-out", data: { side: "partner", id: p.id } });
    if ((hm.excludedIds ?? []).includes(p.id)) {
      out.push({ code: "excluded-id", data: { side: "hromada", id: h.id, excludedId: p.id } });
    }
    if ((pm.excludedIds ?? []).includes(h.id)) {
      out.push({ code: "excluded-id", data: { side: "partner", id: p.id, excludedId: h.id } });
    }
    if (p.remainingCapacity === 0) {
      out.push({
        code: "no-capacity",
        data: { capacity: pm.capacity ?? 1, partnershipCount: p.profile.partnershipCount },
      });
    }
    if (policy.excludeReviewCountryTies) {
      const ties = reviewTies(p, "verified");
      if (ties.length > 0) out.push({ code: "review-country-tie", data: { ties } });
    }
    if (policy.excludeFlaggedTies) {
      const ties = reviewTies(p, "flagged");
      if (ties.length > 0) out.push({ code: "flagged-tie", data: { ties } });
    }
    if (requireFit && thematicValue(h, p) === 0) out.push({ code: "no-thematic-fit", data: {} });
    return out;
  }

  function reviewTies(p: PreparedPartner, which: "verified" | "flagged") {
    return (p.profile.ties ?? [])
      .filter((t) => {
        const status = t.status ?? "active";
        return (
          needsReview({ foreignCountry: t.foreignCountry, status }) &&
          (status === "under-review") === (which === "flagged")
        );
      })
      .map((t) => ({
        foreignTown: t.foreignTown,
        foreignCountry: t.foreignCountry,
        status: t.status ?? "active",
      }));
  }

  function explain(h: PreparedHromada, p: PreparedPartner): PairScore {
    if (isExcluded(h, p)) return { excluded: true, exclusions: exclusions(h, p) };
    const hm = h.profile.municipality;
    const pm = p.profile.municipality;

    // thematic fit
    const thematic = thematicValue(h, p);
    const matched: ThematicMatch[] = [];
    const unmatched: CooperationAreaCode[] = [];
    const offerExperience = new Map<string, ExperienceLevel>();
    for (const o of p.profile.offers) {
      const e = o.experience ?? "experienced";
      const prev = offerExperience.get(o.area);
      if (prev === undefined || EXPERIENCE_WEIGHT[e] > EXPERIENCE_WEIGHT[prev])
        offerExperience.set(o.area, e);
    }
    h.needArea.forEach((a, k) => {
      const area = COOPERATION_AREAS[a]?.code as CooperationAreaCode;
      const e = offerExperience.get(area);
      if (e === undefined) unmatched.push(area);
      else matched.push({ area, needPriority: h.needPriority[k] ?? "medium", offerExperience: e });
    });

    // situation fit: it names the hromada's own needs it rests on, or the hosting
    const rebuild = rebuildingValue(h, p);
    const receive = h.hosting * p.reception;
    const situation = situationValue(h, p);
    const basis = situation === 0 ? null : rebuild >= receive ? "rebuilding" : "reception";
    const situationAreas =
      basis === null
        ? []
        : basis === "rebuilding"
          ? Array.from(h.situationArea)
              .filter((a) => (p.offerLevel[a] as number) > 0)
              .map((a) => COOPERATION_AREAS[a]?.code as CooperationAreaCode)
          : COOPERATION_AREAS.filter(
              (_a, i) => RECEPTION_AREA[i] && (p.offerLevel[i] as number) > 0,
            ).map((a) => a.code);

    // size
    const size = sizeValue(h, p);
    const hp = hm.population ?? null;
    const pp = pm.population ?? null;
    const ratio = Math.abs(h.log10Population - p.log10Population);

    // language
    const language = languageValue(h, p);
    const hLangs = new Set(["uk", ...(hm.workingLanguages ?? [])]);
    const shared = [...new Set(pm.workingLanguages ?? [])].filter((l) => hLangs.has(l)).sort();

    // preference
    const r = regionOutcome(h, p);
    const s = situationOutcome(h, p);
    const z = sizeOutcome(h, p);
    const c = countryOutcome(h, p);
    const preference = (r + s + z + c) * 0.25;

    const cT = wT * thematic;
    const cS = wS * situation;
    const cZ = wZ * size;
    const cL = wL * language;
    const cP = wP * preference;
    const cF = wF * h.fairnessValue;
    const small = h.population >= 0 && h.population < SMALL_HROMADA_POPULATION;
    const components: ScoreComponent[] = [
      { code: "thematic-fit", contribution: cT, data: { value: thematic, matched, unmatched } },
      {
        code: "situation-fit",
        contribution: cS,
        data: {
          value: situation,
          category: hm.situation.category,
          zone: situationZone(hm.situation.category),
          displacedHosted: hm.situation.displacedHosted ?? null,
          hostingStrength: round6(h.hosting),
          basis,
          areas: situationAreas,
        },
      },
      {
        code: "size",
        contribution: cZ,
        data: {
          value: size,
          hromadaPopulation: hp,
          partnerPopulation: pp,
          hromadaPopulationYear: hm.populationYear ?? null,
          partnerPopulationYear: pm.populationYear ?? null,
          log10Ratio: Number.isNaN(ratio) ? null : round6(ratio),
        },
      },
      { code: "language", contribution: cL, data: { value: language, shared } },
      {
        code: "preference",
        contribution: cP,
        data: {
          value: preference,
          partnerRegions: outcomeName(p.preferredOblasts !== 0, r),
          partnerSituations: outcomeName(p.preferredSituations !== 0, s),
          partnerSize: outcomeName(p.hasSizePreference && h.population >= 0, z),
          hromadaCountries: outcomeName(h.preferredCountries.length > 0, c),
        },
      },
      {
        code: "fairness",
        contribution: cF,
        data: {
          value: h.fairnessValue,
          noPartnerYet: h.profile.partnershipCount === 0,
          smallWithoutExperience: small && hm.internationalExperience !== true,
        },
      },
    ];
    const learn = learnValue(h, p);
    const cN = wN * learn;
    // Listed only when it contributes: most partners state no learning interests.
    if (cN > 0)
      components.push({
        code: "learn-from",
        contribution: cN,
        data: {
          value: learn,
          areas: COOPERATION_AREAS.filter(
            (_a, i) => (h.offerAreaMask & p.learnMask & (1 << i)) !== 0,
          ).map((a) => a.code),
        },
      });
    const flags: PairFlag[] = [];
    if (p.flaggedTie) flags.push({ code: "flagged-tie", data: { ties: reviewTies(p, "flagged") } });
    return {
      excluded: false,
      score: cT + cS + cZ + cL + cP + cF + cN,
      components,
      exploratory: thematic === 0,
      flags,
    };
  }

  const scratch = new WeakMap<PartnerBatch, BatchScratch>();

  function batchPartners(input: readonly PreparedPartner[]): PartnerBatch {
    const m = input.length;
    const key = (p: PreparedPartner) =>
      Number.isNaN(p.log10Population) ? Number.POSITIVE_INFINITY : p.log10Population;
    const order = input.map((_, i) => i);
    order.sort(
      (a, b) => key(input[a] as PreparedPartner) - key(input[b] as PreparedPartner) || a - b,
    );
    const partners = order.map((i) => input[i] as PreparedPartner);
    const areaStart = new Int32Array(AREA_COUNT + 1);
    for (const p of partners) {
      for (let a = 0; a < AREA_COUNT; a++)
        if ((p.offerLevel[a] as number) > 0) areaStart[a + 1] = (areaStart[a + 1] as number) + 1;
    }
    for (let a = 0; a < AREA_COUNT; a++)
      areaStart[a + 1] = (areaStart[a + 1] as number) + (areaStart[a] as number);
    const fill = areaStart.slice(0, AREA_COUNT);
    const areaColumn = new Int32Array(areaStart[AREA_COUNT] as number);
    const areaLevel = new Float64Array(areaStart[AREA_COUNT] as number);
    const preferenceColumns: number[] = [];
    const slowColumns: number[] = [];
    partners.forEach((p, j) => {
      for (let a = 0; a < AREA_COUNT; a++) {
        const level = p.offerLevel[a] as number;
        if (level > 0) {
          const at = fill[a] as number;
          areaColumn[at] = j;
          areaLevel[at] = level;
          fill[a] = at + 1;
        }
      }
      const slow =
        p.unavailable ||
        p.blocked !== null ||
        (p.languages & OTHER_LANGUAGE) !== 0 ||
        Number.isNaN(p.log10Population);
      if (slow) slowColumns.push(j);
      else if (p.preferredOblasts !== 0 || p.preferredSituations !== 0 || p.hasSizePreference) {
        preferenceColumns.push(j);
      }
    });
    const batch: PartnerBatch = {
      size: m,
      partners,
      source: Int32Array.from(order),
      areaStart,
      areaColumn,
      areaLevel,
      reception: Float64Array.from(partners, (p) => p.reception),
      log10Population: Float64Array.from(partners, key),
      languages: Int32Array.from(partners, (p) => p.languages),
      country: Int32Array.from(partners, (p) => p.countryIndex),
      preferenceColumns: Int32Array.from(preferenceColumns),
      preferredOblasts: Int32Array.from(
        preferenceColumns,
        (j) => (partners[j] as PreparedPartner).preferredOblasts,
      ),
      preferredSituations: Int32Array.from(
        preferenceColumns,
        (j) => (partners[j] as PreparedPartner).preferredSituations,
      ),
      sizeMin: Float64Array.from(
        preferenceColumns,
        (j) => (partners[j] as PreparedPartner).sizeMin,
      ),
      sizeMax: Float64Array.from(
        preferenceColumns,
        (j) => (partners[j] as PreparedPartner).sizeMax,
      ),
      hasSizePreference: Uint8Array.from(preferenceColumns, (j) =>
        (partners[j] as PreparedPartner).hasSizePreference ? 1 : 0,
      ),
      slowColumns: Int32Array.from(slowColumns),
    };
    scratch.set(batch, {
      term: new Float64Array(m),
      situation: new Float64Array(m),
      size: new Float64Array(m),
      languageTerms: new Map(),
    });
    return batch;
  }

  // First index whose value is ≥ x in an ascending column.
  function lowerBound(sorted: Float64Array, x: number): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[mid] as number;
      if (v < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // The same sum as `score`, term by term in the same order, so every partial sum is the same
  // double: ((((wT·t + wS·situation) + wZ·size) + wL·language) + wP·preference) + wF·fairness.
  // Terms that are exactly 0 are skipped (x + 0 = x), which is what the sparse loops exploit.
  function scoreBatch(h: PreparedHromada, b: PartnerBatch, out: Float64Array): void {
    const m = b.size;
    const ps = b.partners;
    const own = scratch.get(b);
    if (own === undefined) throw new InvalidInputError("batch", "was built by another scorer");
    if (h.optOut || h.blocked !== null || (h.languages & OTHER_LANGUAGE) !== 0) {
      for (let j = 0; j < m; j++) out[j] = score(h, ps[j] as PreparedPartner);
      return;
    }
    // thematic fit: only the columns that offer a needed area
    out.fill(0, 0, m);
    const { areaStart, areaColumn, areaLevel } = b;
    for (let k = 0; k < h.needArea.length; k++) {
      const w = h.needWeight[k] as number;
      const a = h.needArea[k] as number;
      const end = areaStart[a + 1] as number;
      for (let i = areaStart[a] as number; i < end; i++) {
        const j = areaColumn[i] as number;
        out[j] = (out[j] as number) + w * (areaLevel[i] as number);
      }
    }
    // size: columns are sorted by log population, so the non-zero band is a range, split where
    // the partner grows larger than the hromada (|x − y| = y − x there, exactly)
    const sizeTerm = own.size;
    const lp = b.log10Population;
    const hLog = h.log10Population;
    if (Number.isNaN(hLog)) sizeTerm.fill(wZ * 0.5, 0, m);
    else {
      sizeTerm.fill(0, 0, m);
      // A margin around ±1, and a sign check inside, keep this exact whatever the rounding.
      const lo = lowerBound(lp, hLog - 1.5);
      const mid = lowerBound(lp, hLog);
      const hi = lowerBound(lp, hLog + 1.5);
      for (let j = lo; j < mid; j++) {
        const v = 1 - (hLog - (lp[j] as number));
        if (v > 0) sizeTerm[j] = wZ * v;
      }
      for (let j = mid; j < hi; j++) {
        const v = 1 - ((lp[j] as number) - hLog);
        if (v > 0) sizeTerm[j] = wZ * v;
      }
    }
    // language: one cached column per distinct hromada language mask
    let languageTerm = own.languageTerms.get(h.languages);
    if (languageTerm === undefined) {
      languageTerm = new Float64Array(m);
      const langs = b.languages;
      for (let j = 0; j < m; j++)
        languageTerm[j] = (h.languages & (langs[j] as number)) === 0 ? 0 : wL;
      own.languageTerms.set(h.languages, languageTerm);
    }
    // preference (outcomes are halves, so their sums are exact in any order) and fairness
    const term = own.term;
    const countries = h.preferredCountries;
    const nc = countries.length;
    if (nc === 0) {
      term.fill(0, 0, m); // unstated preferences count nothing
    } else {
      const country = b.country;
      for (let j = 0; j < m; j++) {
        const c = country[j] as number;
        let co = 0;
        for (let k = 0; k < nc; k++) if (countries[k] === c) co = 1;
        term[j] = wP * (co * 0.25); // the partner states nothing: its three outcomes are 0
      }
    }
    const cols = b.preferenceColumns;
    const { preferredOblasts, preferredSituations, sizeMin, sizeMax, hasSizePreference } = b;
    const oblastBit = h.oblastBit;
    const situationBit = h.situationBit;
    const pop = h.population;
    for (let i = 0; i < cols.length; i++) {
      const j = cols[i] as number;
      const po = preferredOblasts[i] as number;
      const pso = preferredSituations[i] as number;
      const ro = (po & oblastBit) !== 0 ? 1 : 0;
      const so = (pso & situationBit) !== 0 ? 1 : 0;
      const zo =
        hasSizePreference[i] === 0 || pop < 0
          ? 0
          : pop >= (sizeMin[i] as number) && pop <= (sizeMax[i] as number)
            ? 1
            : 0;
      let co = 0;
      if (nc !== 0) {
        const c = b.country[j] as number;
        co = 0;
        for (let k = 0; k < nc; k++) if (countries[k] === c) co = 1;
      }
      term[j] = wP * ((ro + so + zo + co) * 0.25);
    }
    // situation fit: the best offer level on one of the hromada's own situation needs
    const situation = own.situation;
    situation.fill(0, 0, m);
    for (let k = 0; k < h.situationArea.length; k++) {
      const a = h.situationArea[k] as number;
      const end = areaStart[a + 1] as number;
      for (let i = areaStart[a] as number; i < end; i++) {
        const j = areaColumn[i] as number;
        const v = areaLevel[i] as number;
        if (v > (situation[j] as number)) situation[j] = v;
      }
    }
    // One pass adds it all up, in `score`'s order. A size or language term of 0 adds nothing,
    // as in `score`.
    const fairness = wF * h.fairnessValue;
    const { reception } = b;
    const hosting = h.hosting;
    for (let j = 0; j < m; j++) {
      const t = out[j] as number;
      if (requireFit && t === 0) {
        out[j] = EXCLUDED_SCORE;
        continue;
      }
      out[j] =
        wT * t +
        wS * Math.max(situation[j] as number, hosting * (reception[j] as number)) +
        (sizeTerm[j] as number) +
        (languageTerm[j] as number) +
        (term[j] as number) +
        fairness;
    }
    // learn-from comes last in `score` too, so adding it here gives the same double.
    if (wN !== 0 && h.offerAreaMask !== 0) {
      for (let j = 0; j < m; j++) {
        const l = learnValue(h, ps[j] as PreparedPartner);
        if (l !== 0 && (out[j] as number) !== EXCLUDED_SCORE) out[j] = (out[j] as number) + wN * l;
      }
    }
    for (const j of b.slowColumns) out[j] = score(h, ps[j] as PreparedPartner);
  }

  return {
    weights,
    policy,
    prepareHromada,
    preparePartner,
    score,
    preferenceParts,
    explain,
    batchPartners,
    scoreBatch,
  };
}

/**
 * Scores one hromada–partner pair: either the score with its explained components, or every
 * hard constraint (existing partnership, opt-out, exclusion, no capacity, policy) that rules it out.
 * @example
 * const result = scorePair(hromadaProfile, partnerProfile, { weights: { fairness: 0 } });
 * if (!result.excluded) console.log(result.score, result.components.map((c) => c.code));
 */
export function scorePair(
  hromada: HromadaProfile,
  partner: PartnerProfile,
  options?: ScoreOptions,
): PairScore {
  const scorer = compileScorer(options);
  return scorer.explain(scorer.prepareHromada(hromada), scorer.preparePartner(partner));
}
