import { deleteItem, NEED_KIND, type WriteContext } from "../needs/item-store";

/** Deletes a need if it is still at the version the caller read (412 otherwise), audited. */
export function deleteNeed(
  args: WriteContext & { itemId: string; expectedVersion: number },
): Promise<void> {
  return deleteItem(NEED_KIND, args);
}
