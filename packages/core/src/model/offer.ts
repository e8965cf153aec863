import { z } from "zod";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { Id, text } from "./common";

/** How much a partner municipality has done in an area. */
export const ExperienceLevel = z.enum(["basic", "experienced", "expert"]);
/** How much a partner municipality has done in an area. */
export type ExperienceLevel = z.infer<typeof ExperienceLevel>;

/** Numeric weight of each experience level, used by the matching engine. */
export const EXPERIENCE_WEIGHT: Readonly<Record<ExperienceLevel, number>> = {
  basic: 1,
  experienced: 2,
  expert: 3,
};

/** What a partner can put into an offer. */
export const OfferResource = z.enum([
  "expertise",
  "staff-exchange",
  "study-visits",
  "training",
  "equipment",
  "funding",
  "volunteers",
]);
/** What a partner can put into an offer. */
export type OfferResource = z.infer<typeof OfferResource>;

/** A partner municipality's offer in one cooperation area. */
export const Offer = z.strictObject({
  id: Id,
  area: CooperationAreaCode,
  experience: ExperienceLevel.default("experienced"),
  resources: z.array(OfferResource).max(7).default(["expertise"]),
  description: text(2000).default(""),
});
/** A partner municipality's offer in one cooperation area. */
export type Offer = z.infer<typeof Offer>;

/** The body that creates an offer; the id is assigned by the store. */
export const CreateOfferInput = Offer.omit({ id: true });
/** The body that creates an offer. */
export type CreateOfferInput = z.infer<typeof CreateOfferInput>;
