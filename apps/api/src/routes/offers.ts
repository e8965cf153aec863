import { CreateOfferInput, UpdateOfferInput, VersionedOffer } from "@pobratym/core";
import { itemRoutes } from "../lib/item-routes";
import { createOffer } from "../services/offers/create-offer";
import { deleteOffer } from "../services/offers/delete-offer";
import { listOffers } from "../services/offers/list-offers";
import { updateOffer } from "../services/offers/update-offer";

/** The offers of a partner municipality: public reads, edits by coordinators and its editors. */
export function offersRouter() {
  return itemRoutes({
    plural: "offers",
    singular: "an offer",
    owner: "a partner municipality",
    itemParam: "offerId",
    schemas: { create: CreateOfferInput, update: UpdateOfferInput, item: VersionedOffer },
    list: listOffers,
    create: createOffer,
    update: updateOffer,
    remove: deleteOffer,
  });
}
