import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  type MapOptions,
  mapOptionsFromSearchParams,
  mapOptionsToSearchParams,
} from "./map-options";

/** The map options held in the URL; changing one replaces the history entry. */
export function useMapOptions(): [MapOptions, (next: Partial<MapOptions>) => void] {
  const [params, setParams] = useSearchParams();
  const options = useMemo(() => mapOptionsFromSearchParams(params), [params]);
  // replace: flipping a view or a colouring is not a page the back button should step through.
  const setOptions = useCallback(
    (next: Partial<MapOptions>) =>
      setParams(
        (current) => mapOptionsToSearchParams({ ...mapOptionsFromSearchParams(current), ...next }),
        { replace: true },
      ),
    [setParams],
  );
  return [options, setOptions];
}
