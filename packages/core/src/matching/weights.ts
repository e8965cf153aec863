import { InvalidInputError } from "../errors";

/**
 * Relative weights of the seven score components. Each component yields a value in [0, 1];
 * its contribution is `weight × value`, and the score is the sum of contributions, so with the
 * defaults a pair scores between 0 and 100.
 */
export interface ScoreWeights {
  /** Open needs against offers, by cooperation area (need priority × offer experience). */
  thematicFit: number;
  /** War-zone hromadas with rebuilding partners; hromadas hosting displaced people with reception partners. */
  situationFit: number;
  /** Closeness of population, from the log-population ratio. */
  size: number;
  /**
   * A shared working language: 1 when the two sides list any language in common, Ukrainian and
   * English included (a hromada always counts Ukrainian, even when it lists none), else 0.
   */
  language: number;
  /** Stated preferences of both sides (oblasts, situations, size; countries). */
  preference: number;
  /** Boost for hromadas with no partner yet, and for small ones without international experience. */
  fairness: number;
  /** The share of the partner's learning interests the hromada offers ("what you can learn from them"). */
  learnFrom: number;
}

/**
 * Default weights: thematic fit 40, situation fit 20, size 10, language 10, preference 10,
 * fairness 10 (sum 100), plus a small learn-from 5 that only partners stating learning interests
 * can earn, so a pair scores 0–105. Thematic fit dominates because a partnership lives on what
 * the partner can actually do for the hromada's needs.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  thematicFit: 40,
  situationFit: 20,
  size: 10,
  language: 10,
  preference: 10,
  fairness: 10,
  learnFrom: 5,
});

const WEIGHT_KEYS = Object.keys(DEFAULT_WEIGHTS) as (keyof ScoreWeights)[];

/**
 * Merges partial weights over the defaults, rejecting unknown keys and values that are not
 * finite and non-negative with an `InvalidInputError` naming the field (`weights.size`).
 * @example
 * const w = resolveWeights({ language: 0 }); // language no longer counts
 */
export function resolveWeights(partial?: Partial<ScoreWeights>, field = "weights"): ScoreWeights {
  const weights: ScoreWeights = { ...DEFAULT_WEIGHTS };
  if (partial === undefined) return weights;
  if (partial === null || typeof partial !== "object") {
    throw new InvalidInputError(field, "expected an object of weights");
  }
  for (const [key, value] of Object.entries(partial)) {
    if (!(WEIGHT_KEYS as string[]).includes(key)) {
      throw new InvalidInputError(
        `${field}.${key}`,
        `unknown weight; expected one of ${WEIGHT_KEYS.join(", ")}`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new InvalidInputError(`${field}.${key}`, "expected a finite non-negative number");
    }
    weights[key as keyof ScoreWeights] = value;
  }
  return weights;
}
