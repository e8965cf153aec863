import type { Need, UpdateNeedInput } from "@pobratym/core";
import { NEED_KIND, updateItem, type Versioned, type WriteContext } from "../needs/item-store";

/** Changes a need if it is still at the version the caller read (412 otherwise), audited. */
export function updateNeed(
  args: WriteContext & { itemId: string; patch: UpdateNeedInput; expectedVersion: number },
): Promise<Versioned<Need>> {
  return updateItem(NEED_KIND, args);
}
