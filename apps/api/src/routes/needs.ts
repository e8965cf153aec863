import { CreateNeedInput, UpdateNeedInput, VersionedNeed } from "@pobratym/core";
import { itemRoutes } from "../lib/item-routes";
import { createNeed } from "../services/needs/create-need";
import { deleteNeed } from "../services/needs/delete-need";
import { listNeeds } from "../services/needs/list-needs";
import { updateNeed } from "../services/needs/update-need";

/** The needs of a hromada: public reads, edits by coordinators and the hromada's editors. */
export function needsRouter() {
  return itemRoutes({
    plural: "needs",
    singular: "a need",
    owner: "a hromada",
    itemParam: "needId",
    schemas: { create: CreateNeedInput, update: UpdateNeedInput, item: VersionedNeed },
    list: listNeeds,
    create: createNeed,
    update: updateNeed,
    remove: deleteNeed,
  });
}
