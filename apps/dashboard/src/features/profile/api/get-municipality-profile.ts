import { MunicipalityProfile } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

/** Fetches one municipality's public profile with its needs, offers, ties and partnerships. */
export function getMunicipalityProfile(
  id: string,
  signal?: AbortSignal,
): Promise<MunicipalityProfile> {
  return apiGet(
    `/municipalities/${encodeURIComponent(id)}`,
    MunicipalityProfile,
    signal ? { signal } : {},
  );
}

/** Query options for one municipality's profile. */
export function getMunicipalityProfileQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["municipalities", "profile", id],
    queryFn: ({ signal }) => getMunicipalityProfile(id, signal),
  });
}

/** One municipality's profile. */
export function useMunicipalityProfile(id: string) {
  return useQuery(getMunicipalityProfileQueryOptions(id));
}
