import type { Offer } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { listItems, OFFER_KIND, type Versioned } from "../needs/item-store";

/** The offers of a municipality with their versions; drafts only for those who may edit them. */
export function listOffers(args: {
  ctx: ServiceContext;
  municipalityId: string;
  canSeeDrafts: boolean;
}): Promise<Versioned<Offer>[]> {
  return listItems({ ...args, kind: OFFER_KIND });
}
