import type { Need, UpdateNeedInput } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { NEED_KIND, updateItem, type Versioned } from "../needs/item-store";

/** Changes a need if it is still at the version the caller read (412 otherwise), audited. */
export function updateNeed(args: {
  ctx: ServiceContext;
  municipalityId: string;
  itemId: string;
  patch: UpdateNeedInput;
  expectedVersion: number;
}): Promise<Versioned<Need>> {
  return updateItem({ ...args, kind: NEED_KIND });
}
