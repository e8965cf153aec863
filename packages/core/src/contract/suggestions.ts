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
});
/** One explained component of a pair's score. */
export type ExplainedComponent = z.infer<typeof ExplainedComponent>;

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
  /** Exclude partners with an active or under-review tie to a Russian or Belarusian town (default true). */
  excludeReviewCountryTies: boolParam.default(true),
});
/** Query parameters of `GET /api/v1/municipalities/{id}/suggestions`. */
export type SuggestionsQuery = z.infer<typeof SuggestionsQuery>;

/** One suggested counterpart with its score and the components that explain it. */
export const SuggestionItem = z.object({
  municipality: MatchParty,
  score: z.number(),
  components: z.array(ExplainedComponent),
});
/** One suggested counterpart. */
export type SuggestionItem = z.infer<typeof SuggestionItem>;

/** The body of `GET /api/v1/municipalities/{id}/suggestions`: the best counterparts, best first. */
export const SuggestionList = z.object({
  subject: MatchParty,
  items: z.array(SuggestionItem),
  /** Published counterparts considered (before exclusions). */
  candidates: z.number().int().nonnegative(),
  policy: z.object({ excludeReviewCountryTies: z.boolean() }),
});
/** The body of `GET /api/v1/municipalities/{id}/suggestions`. */
export type SuggestionList = z.infer<typeof SuggestionList>;
