import type { CreateNeedInput, Need } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { createItem, NEED_KIND, type Versioned } from "../needs/item-store";

/** Adds a need to a hromada (409 for the other kind), audited. */
export function createNeed(args: {
  ctx: ServiceContext;
  municipalityId: string;
  input: CreateNeedInput;
}): Promise<Versioned<Need>> {
  return createItem({ ...args, kind: NEED_KIND });
}
