import { type CreateNeedInput, type UpdateNeedInput, VersionedNeed } from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet, apiSend } from "../../../lib/api-client";
import { etagOf } from "./edit-profile";
import { getMunicipalityProfileQueryOptions } from "./get-municipality-profile";

const NeedList = z.object({ items: z.array(VersionedNeed) }).transform((b) => b.items);
const needsPath = (id: string) => `/municipalities/${encodeURIComponent(id)}/needs`;

/** Query options for a hromada's needs with their versions (for editing). */
export function getNeedsQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["municipalities", "needs", id],
    queryFn: ({ signal }) => apiGet(needsPath(id), NeedList, { signal }),
    staleTime: 0,
  });
}

/** A hromada's needs with their versions. */
export function useNeeds(id: string, enabled: boolean) {
  return useQuery({ ...getNeedsQueryOptions(id), enabled });
}

/** Adds a need, or changes one at the version it was read. */
export type NeedChange =
  | { kind: "create"; input: CreateNeedInput }
  | { kind: "update"; need: VersionedNeed; patch: UpdateNeedInput };

/** Writes a need; the profile, the versioned list and the statistics are refetched. */
export function useChangeNeed(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: NeedChange) =>
      change.kind === "create"
        ? apiSend("POST", needsPath(id), VersionedNeed, { body: change.input })
        : apiSend(
            "PATCH",
            `${needsPath(id)}/${encodeURIComponent(change.need.id)}`,
            VersionedNeed,
            { body: change.patch, ifMatch: etagOf(change.need.version) },
          ),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: getMunicipalityProfileQueryOptions(id).queryKey }),
        client.invalidateQueries({ queryKey: getNeedsQueryOptions(id).queryKey }),
        client.invalidateQueries({ queryKey: ["statistics"] }),
      ]);
    },
  });
}
