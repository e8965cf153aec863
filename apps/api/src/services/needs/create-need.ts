import type { CreateNeedInput, Need } from "@pobratym/core";
import { createItem, NEED_KIND, type Versioned, type WriteContext } from "../needs/item-store";

/** Adds a need to a hromada (409 for the other kind), audited. */
export function createNeed(
  args: WriteContext & { input: CreateNeedInput },
): Promise<Versioned<Need>> {
  return createItem(NEED_KIND, args);
}
