import type { Hromada, Partner } from "../model/municipality";
import type { Need } from "../model/need";
import type { Offer } from "../model/offer";
import type { Tie } from "../model/tie";

/** A hromada as the matching engine sees it: the municipality, its needs and its active partnerships. */
export interface HromadaProfile {
  municipality: Hromada;
  /** The hromada's needs; only those with status `open` count towards thematic fit. */
  needs: readonly Need[];
  /** How many active partnerships the hromada already has (0 earns the fairness boost). */
  partnershipCount: number;
  /** What the hromada offers back; areas a partner wants to learn about score `learn-from`. */
  offers?: readonly Offer[];
}

/** A partner municipality as the matching engine sees it: the municipality, its offers, ties and active partnerships. */
export interface PartnerProfile {
  municipality: Partner;
  offers: readonly Offer[];
  /** Existing agreements with foreign towns, checked against the review-country policy. */
  ties: readonly Tie[];
  /** How many active partnerships the partner already carries; it counts against `capacity`. */
  partnershipCount: number;
}

/** Either kind of profile, told apart by `municipality.kind`. */
export type MatchingProfile = HromadaProfile | PartnerProfile;

/** A hromada–partner pair named by ids, as used for existing, pinned and forbidden pairs. */
export interface PairRef {
  hromadaId: string;
  partnerId: string;
}

/** Hard-constraint switches that a coordinating body sets for a whole round. */
export interface MatchingPolicy {
  /**
   * When true, a partner with a verified (active) tie to a Russian or Belarusian town (see
   * `needsReview`) is excluded.
   */
  excludeReviewCountryTies?: boolean;
  /**
   * When true, a partner with an unverified (under-review) tie to a Russian or Belarusian town,
   * such as one imported from Wikipedia, is excluded too; otherwise it is only flagged. Default
   * false; the coordinators' setting decides it, and a round may override it.
   */
  excludeFlaggedTies?: boolean;
  /**
   * When true, a pair without thematic fit (no open need of the hromada that the partner offers)
   * is excluded. `suggestPartners` and `planRound` default to true (the thematic floor); plain
   * scoring (`scorePair`, `compileScorer`, conference wishes) defaults to false. False allows
   * exploratory pairs, which are marked as such.
   */
  requireThematicFit?: boolean;
}

/** True when the profile is a hromada profile. */
export function isHromadaProfile(profile: MatchingProfile): profile is HromadaProfile {
  return profile.municipality.kind === "hromada";
}
