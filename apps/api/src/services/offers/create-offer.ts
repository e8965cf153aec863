import type { CreateOfferInput, Offer } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { createItem, OFFER_KIND, type Versioned } from "../needs/item-store";

/** Adds an offer to a partner or a hromada, audited. */
export function createOffer(args: {
  ctx: ServiceContext;
  municipalityId: string;
  input: CreateOfferInput;
}): Promise<Versioned<Offer>> {
  return createItem({ ...args, kind: OFFER_KIND });
}
