import type { ServiceContext } from "../context";
import { deleteItem, NEED_KIND } from "../needs/item-store";

/** Deletes a need if it is still at the version the caller read (412 otherwise), audited. */
export function deleteNeed(args: {
  ctx: ServiceContext;
  municipalityId: string;
  itemId: string;
  expectedVersion: number;
}): Promise<void> {
  return deleteItem({ ...args, kind: NEED_KIND });
}
