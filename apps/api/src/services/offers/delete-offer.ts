import { deleteItem, OFFER_KIND, type WriteContext } from "../needs/item-store";

/** Deletes an offer if it is still at the version the caller read (412 otherwise), audited. */
export function deleteOffer(
  args: WriteContext & { itemId: string; expectedVersion: number },
): Promise<void> {
  return deleteItem(OFFER_KIND, args);
}
