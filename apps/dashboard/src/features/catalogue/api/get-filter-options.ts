import { type CountryCode, MunicipalityPage, type MunicipalitySummary } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

/** A region that occurs in the catalogue, for the region filter. */
export interface RegionOption {
  code: string;
  country: CountryCode;
  name: string;
  nameLatin: string | undefined;
}

/** Countries and regions that occur in the catalogue. */
export interface FilterOptions {
  countries: CountryCode[];
  regions: RegionOption[];
}

const MAX_PAGES = 20;

/**
 * Collects the countries and regions present in the catalogue. The API has no facet endpoint yet,
 * so this walks the list in large pages once and caches the result for the session.
 */
export async function getFilterOptions(signal?: AbortSignal): Promise<FilterOptions> {
  const regions = new Map<string, RegionOption>();
  const countries = new Set<CountryCode>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: MunicipalityPage = await apiGet("/municipalities", MunicipalityPage, {
      query: { limit: 500, cursor },
      ...(signal ? { signal } : {}),
    });
    for (const m of result.items) addOption(m, countries, regions);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return { countries: [...countries].sort(), regions: [...regions.values()] };
}

function addOption(
  m: MunicipalitySummary,
  countries: Set<CountryCode>,
  regions: Map<string, RegionOption>,
) {
  countries.add(m.country);
  if (!regions.has(m.region.code)) {
    regions.set(m.region.code, {
      code: m.region.code,
      country: m.country,
      name: m.region.name,
      nameLatin: m.region.nameLatin,
    });
  }
}

/** Query options for the filter choices; they change only when the catalogue is re-imported. */
export function getFilterOptionsQueryOptions() {
  return queryOptions({
    queryKey: ["municipalities", "filter-options"],
    queryFn: ({ signal }) => getFilterOptions(signal),
    staleTime: 30 * 60_000,
  });
}

/**
 * The countries and regions to offer in the catalogue filters. Loading them walks the whole
 * catalogue, so it waits until `enabled` (the user reaches the filters, or a shared link sets one).
 */
export function useFilterOptions(enabled: boolean) {
  return useQuery({ ...getFilterOptionsQueryOptions(), enabled });
}
