import type { ServiceContext } from "../context";
import { deleteItem, OFFER_KIND } from "../needs/item-store";

/** Deletes an offer if it is still at the version the caller read (412 otherwise), audited. */
export function deleteOffer(args: {
  ctx: ServiceContext;
  municipalityId: string;
  itemId: string;
  expectedVersion: number;
}): Promise<void> {
  return deleteItem({ ...args, kind: OFFER_KIND });
}
