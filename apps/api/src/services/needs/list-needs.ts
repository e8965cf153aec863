import type { Need } from "@pobratym/core";
import type { ServiceContext } from "../context";
import { listItems, NEED_KIND, type Versioned } from "../needs/item-store";

/** The needs of a municipality with their versions; drafts only for those who may edit them. */
export function listNeeds(args: {
  ctx: ServiceContext;
  municipalityId: string;
  canSeeDrafts: boolean;
}): Promise<Versioned<Need>[]> {
  return listItems({ ...args, kind: NEED_KIND });
}
