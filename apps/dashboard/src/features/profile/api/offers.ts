import { type CreateOfferInput, VersionedOffer } from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet, apiSend } from "../../../lib/api-client";
import { etagOf } from "./edit-profile";
import { getMunicipalityProfileQueryOptions } from "./get-municipality-profile";

const OfferList = z.object({ items: z.array(VersionedOffer) }).transform((b) => b.items);
const offersPath = (id: string) => `/municipalities/${encodeURIComponent(id)}/offers`;

/** Query options for a municipality's offers with their versions (for editing). */
export function getOffersQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["municipalities", "offers", id],
    queryFn: ({ signal }) => apiGet(offersPath(id), OfferList, { signal }),
    staleTime: 0,
  });
}

/** A municipality's offers with their versions. */
export function useOffers(id: string) {
  return useQuery(getOffersQueryOptions(id));
}

/** Adds an offer, or removes one at the version it was read. */
export type OfferChange =
  | { kind: "create"; input: CreateOfferInput }
  | { kind: "delete"; offer: VersionedOffer };

/** Writes an offer; the profile, the versioned list and the statistics are refetched. */
export function useChangeOffer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: OfferChange) =>
      change.kind === "create"
        ? apiSend("POST", offersPath(id), VersionedOffer, { body: change.input })
        : apiSend(
            "DELETE",
            `${offersPath(id)}/${encodeURIComponent(change.offer.id)}`,
            z.unknown(),
            {
              ifMatch: etagOf(change.offer.version),
            },
          ),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: getMunicipalityProfileQueryOptions(id).queryKey }),
        client.invalidateQueries({ queryKey: getOffersQueryOptions(id).queryKey }),
        client.invalidateQueries({ queryKey: ["statistics"] }),
      ]);
    },
  });
}
