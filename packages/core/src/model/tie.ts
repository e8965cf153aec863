import { z } from "zod";
import { CountryCode, Id, IsoDate, REVIEW_COUNTRIES, requiredText, text } from "./common";

/** The kind of an existing agreement with a foreign town. */
export const TieType = z.enum(["twin-town", "friendship", "cooperation", "other"]);
/** The kind of an existing agreement with a foreign town. */
export type TieType = z.infer<typeof TieType>;

/** Where an existing agreement stands. */
export const TieStatus = z.enum(["active", "frozen", "terminated", "under-review"]);
/** Where an existing agreement stands. */
export type TieStatus = z.infer<typeof TieStatus>;

/** A municipality's existing agreement with a foreign town. */
export const Tie = z.strictObject({
  id: Id,
  municipalityId: Id,
  foreignTown: requiredText(200),
  foreignCountry: CountryCode,
  type: TieType.default("twin-town"),
  status: TieStatus.default("active"),
  since: z.number().int().min(1900).max(2100).optional(),
  decisionDate: IsoDate.optional(),
  decision: text(1000).optional(),
  source: text(300).optional(),
  /** The catalogue municipality the foreign town was linked to by name and country, if any. */
  linkedMunicipalityId: Id.optional(),
  /**
   * How sure that link is: `unique-name` when exactly one municipality of that country has the
   * name, `several-candidates` when several had it and a tie-break rule picked one.
   */
  linkConfidence: z.enum(["unique-name", "several-candidates"]).optional(),
});
/** A municipality's existing agreement with a foreign town. */
export type Tie = z.infer<typeof Tie>;

/** The body that records a tie; the id is assigned by the store. */
export const CreateTieInput = Tie.omit({ id: true, municipalityId: true });
/** The body that records a tie. */
export type CreateTieInput = z.infer<typeof CreateTieInput>;

/**
 * True when the tie counts as a partnership: an active agreement with a town outside Russia and
 * Belarus. The one definition of "has a partner" (with open partnerships) that the catalogue
 * filter, the statistics, the waiting list and fairness share.
 */
export function countsAsPartnership(tie: Pick<Tie, "foreignCountry" | "status">): boolean {
  return tie.status === "active" && !REVIEW_COUNTRIES.includes(tie.foreignCountry);
}

/** True when the tie is with a Russian or Belarusian town. */
export function isReviewCountryTie(tie: Pick<Tie, "foreignCountry">): boolean {
  return REVIEW_COUNTRIES.includes(tie.foreignCountry);
}

/** True when the tie is with a Russian or Belarusian town and not yet frozen or terminated. */
export function needsReview(tie: Pick<Tie, "foreignCountry" | "status">): boolean {
  return isReviewCountryTie(tie) && (tie.status === "active" || tie.status === "under-review");
}
