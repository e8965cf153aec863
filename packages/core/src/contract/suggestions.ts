import { z } from "zod";
import { CountryCode, Id } from "../model/common";
import { MunicipalityKind } from "../model/municipality";
import { SituationCategory } from "../taxonomy/situations";

const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

/** Stable reason codes of score components, for explanations in any interface language. */
export const ScoreComponentCodeSchema = z.enum([
  "thematic-fit",
  "situation-fit",
  "size",
  "language",
  "preference",
  "fairness",
  "learn-from",
]);

/**
 * One component of a pair's score: its reason code, its contribution to the score (weight ×
 * value) and the data behind it (matched areas, shared languages, …; shape per code as in core's
 * `ScoreComponentData`).
 */
export const ExplainedComponent = z.object({
  code: ScoreComponentCodeSchema,
  contribution: z.number(),
  data: z.record(z.string(), z.unknown()),
  /** True where removing the component would change the candidate's place in its list. */
  decisive: z.boolean().default(false),
});
/** One explained component of a pair's score. */
export type ExplainedComponent = z.infer<typeof ExplainedComponent>;

/** A flag on a pair that does not exclude it, e.g. an unverified tie to a Russian town. */
export const PairFlagSchema = z.object({
  code: z.enum(["flagged-tie"]),
  data: z.record(z.string(), z.unknown()),
});
/** A flag on a pair. */
export type PairFlagSchema = z.infer<typeof PairFlagSchema>;

/**
 * Reason codes for municipalities left out of a suggestion list or a round (shown translated with
 * their counts): exclusions of a pair, plus reasons a municipality takes part in no pair at all.
 */
export const LeftOutCodeSchema = z.enum([
  "existing-partnership",
  "opt-out",
  "excluded-id",
  "no-capacity",
  "review-country-tie",
  "flagged-tie",
  "no-thematic-fit",
  "occupied-before-2022",
  "no-open-needs",
  "no-offers",
  "invalid-profile",
]);
/** A reason a municipality was left out. */
export type LeftOutCodeSchema = z.infer<typeof LeftOutCodeSchema>;

/** How many municipalities on one side were left out for one reason. */
export const LeftOutCountSchema = z.object({
  side: z.enum(["hromada", "partner"]),
  code: LeftOutCodeSchema,
  count: z.number().int().nonnegative(),
});
/** How many municipalities were left out for one reason. */
export type LeftOutCountSchema = z.infer<typeof LeftOutCountSchema>;

/** A municipality as matching results name it: id, kind, display name, country and region. */
export const MatchParty = z.object({
  id: Id,
  kind: MunicipalityKind,
  name: z.string(),
  country: CountryCode,
  region: z.string(),
  population: z.number().int().optional(),
  situation: SituationCategory.optional(),
});
/** A municipality as matching results name it. */
export type MatchParty = z.infer<typeof MatchParty>;

/** Query parameters of `GET /api/v1/municipalities/{id}/suggestions`. */
export const SuggestionsQuery = z.strictObject({
  k: z.coerce.number().int().min(1).max(100).default(10),
  /** Leave out candidates scoring below this (0–100 with default weights). */
  minScore: z.coerce.number().min(0).max(1000).optional(),
  /** Exclude partners with an active (verified) tie to a Russian or Belarusian town (default true). */
  excludeReviewCountryTies: boolParam.default(true),
  /**
   * Exclude partners whose tie to a Russian or Belarusian town is unverified (under review);
   * when absent, the coordinators' setting decides. Otherwise such partners are only flagged.
   */
  excludeFlaggedTies: boolParam.optional(),
  /** Also suggest counterparts without thematic fit, marked exploratory (default false). */
  exploratory: boolParam.default(false),
});
/** Query parameters of `GET /api/v1/municipalities/{id}/suggestions`. */
export type SuggestionsQuery = z.infer<typeof SuggestionsQuery>;

/** One suggested counterpart with its score and the components that explain it. */
export const SuggestionItem = z.object({
  municipality: MatchParty,
  score: z.number(),
  components: z.array(ExplainedComponent),
  /** No thematic fit: offered only because exploratory pairs were asked for. */
  exploratory: z.boolean().default(false),
  flags: z.array(PairFlagSchema).default([]),
});
/** One suggested counterpart. */
export type SuggestionItem = z.infer<typeof SuggestionItem>;

/** The body of `GET /api/v1/municipalities/{id}/suggestions`: the best counterparts, best first. */
export const SuggestionList = z.object({
  subject: MatchParty,
  items: z.array(SuggestionItem),
  /** Published counterparts considered (before exclusions). */
  candidates: z.number().int().nonnegative(),
  policy: z.object({
    excludeReviewCountryTies: z.boolean(),
    excludeFlaggedTies: z.boolean().default(false),
    requireThematicFit: z.boolean().default(true),
  }),
  /**
   * `complete-profile` when the subject has no open need (a hromada) or no offer (a partner):
   * suggestions rest on them, so the list is empty and `profileLink` says where to add them.
   */
  status: z.enum(["ok", "complete-profile"]).default("ok"),
  /** The dashboard path of the subject's profile, where needs or offers are entered. */
  profileLink: z.string().nullable().default(null),
  /** Counterparts left out, by reason, with counts. */
  leftOut: z.array(LeftOutCountSchema).default([]),
});
/** The body of `GET /api/v1/municipalities/{id}/suggestions`. */
export type SuggestionList = z.infer<typeof SuggestionList>;

/** The coordinators' matching settings (`GET`/`PUT /api/v1/settings/matching`). */
export const MatchingSettingsSchema = z.strictObject({
  /**
   * Whether a partner with an unverified (under-review) tie to a Russian or Belarusian town, such
   * as one imported from Wikipedia, is excluded (true) or only flagged (false, the default). A
   * round or a suggestion request may override it.
   */
  excludeFlaggedTies: z.boolean(),
});
/** The coordinators' matching settings. */
export type MatchingSettingsSchema = z.infer<typeof MatchingSettingsSchema>;
