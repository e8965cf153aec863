import { MunicipalityPage } from "@pobratym/core";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import type { CatalogueFilters } from "../hooks/catalogue-filters";

/** Rows per request: enough to fill a wall screen, small enough to answer fast. */
export const PAGE_SIZE = 50;

/** Fetches one page of the catalogue; `cursor` comes from the previous page. */
export function getMunicipalities(
  filters: CatalogueFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<MunicipalityPage> {
  return apiGet("/municipalities", MunicipalityPage, {
    query: { ...filters, q: filters.q.trim(), limit: PAGE_SIZE, cursor },
    ...(signal ? { signal } : {}),
  });
}

/** Query options for the cursor-paged catalogue list. */
export function getMunicipalitiesQueryOptions(filters: CatalogueFilters) {
  return infiniteQueryOptions({
    queryKey: ["municipalities", "list", filters],
    queryFn: ({ pageParam, signal }) => getMunicipalities(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep showing the previous results while a new search loads, so the table does not flicker.
    placeholderData: keepPreviousData,
  });
}

/** The catalogue list for the given filters, page by page. */
export function useMunicipalities(filters: CatalogueFilters) {
  return useInfiniteQuery(getMunicipalitiesQueryOptions(filters));
}
