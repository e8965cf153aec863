import type { Offer, UpdateOfferInput } from "@pobratym/core";
import { OFFER_KIND, updateItem, type Versioned, type WriteContext } from "../needs/item-store";

/** Changes an offer if it is still at the version the caller read (412 otherwise), audited. */
export function updateOffer(
  args: WriteContext & { itemId: string; patch: UpdateOfferInput; expectedVersion: number },
): Promise<Versioned<Offer>> {
  return updateItem(OFFER_KIND, args);
}
