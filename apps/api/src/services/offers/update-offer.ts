import type { Offer, UpdateOfferInput } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { OFFER_KIND, updateItem, type Versioned } from "../needs/item-store";

/** Changes an offer if it is still at the version the caller read (412 otherwise), audited. */
export function updateOffer(args: {
  ctx: ServiceContext;
  municipalityId: string;
  itemId: string;
  patch: UpdateOfferInput;
  expectedVersion: number;
}): Promise<Versioned<Offer>> {
  return updateItem({ ...args, kind: OFFER_KIND });
}
