import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  type CatalogueFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
} from "./catalogue-filters";

/** The catalogue filters held in the URL, so a search can be bookmarked and shared. */
export function useCatalogueFilters(): [CatalogueFilters, (next: CatalogueFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  // replace: typing must not fill the history with one entry per keystroke.
  const setFilters = useCallback(
    (next: CatalogueFilters) => setParams(filtersToSearchParams(next), { replace: true }),
    [setParams],
  );
  return [filters, setFilters];
}
