import type { MunicipalityListQuery } from "@pobratym/core";

/** The catalogue's search and filters, exactly as they live in the URL (strings, "" = not set). */
export interface CatalogueFilters {
  q: string;
  kind: string;
  country: string;
  region: string;
  situation: string;
  area: string;
  hasPartner: string;
  minPopulation: string;
  maxPopulation: string;
}

/** The URL parameter names; they match the API's query parameters one to one. */
export const FILTER_KEYS = [
  "q",
  "kind",
  "country",
  "region",
  "situation",
  "area",
  "hasPartner",
  "minPopulation",
  "maxPopulation",
] as const satisfies readonly (keyof CatalogueFilters & keyof MunicipalityListQuery)[];

/** No search, no filters. */
export const EMPTY_FILTERS: CatalogueFilters = {
  q: "",
  kind: "",
  country: "",
  region: "",
  situation: "",
  area: "",
  hasPartner: "",
  minPopulation: "",
  maxPopulation: "",
};

/** Reads the filters from a query string; unknown parameters are ignored. */
export function filtersFromSearchParams(params: URLSearchParams): CatalogueFilters {
  const filters = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) filters[key] = params.get(key)?.trim() ?? "";
  return filters;
}

/** Writes the filters into a query string, leaving out empty ones so shared links stay short. */
export function filtersToSearchParams(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** True when any search text or filter is set. */
export function hasAnyFilter(filters: CatalogueFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].trim() !== "");
}
