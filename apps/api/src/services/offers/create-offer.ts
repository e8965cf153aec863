import type { CreateOfferInput, Offer } from "@pobratym/core";
import { createItem, OFFER_KIND, type Versioned, type WriteContext } from "../needs/item-store";

/** Adds an offer to a partner (409 for the other kind), audited. */
export function createOffer(
  args: WriteContext & { input: CreateOfferInput },
): Promise<Versioned<Offer>> {
  return createItem(OFFER_KIND, args);
}
