import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import {
  type MapOptions,
  mapOptionsFromSearchParams,
  mapOptionsToSearchParams,
} from "./map-options";

/**
 * The map options held in the URL; changing one replaces the history entry.
 *
 * BrowserRouter applies a URL change inside a React transition, and redrawing ~1,500 dots makes
 * that transition slow. Until it commits, a controlled radio or tab would show the old choice
 * (React restores a controlled input to its rendered value). So the choice is also kept here and
 * shown at once; it is dropped when the URL catches up.
 */
export function useMapOptions(): [MapOptions, (next: Partial<MapOptions>) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => mapOptionsFromSearchParams(params), [params]);
  const [pending, setPending] = useState<Partial<MapOptions> | null>(null);
  // A new URL is what settles the choice.
  useEffect(() => setPending(null), [params]);
  const options = useMemo(
    () => (pending ? { ...fromUrl, ...pending } : fromUrl),
    [fromUrl, pending],
  );
  // replace: flipping a view or a colouring is not a page the back button should step through.
  const setOptions = useCallback(
    (next: Partial<MapOptions>) => {
      setPending((current) => ({ ...current, ...next }));
      setParams(
        (current) => mapOptionsToSearchParams({ ...mapOptionsFromSearchParams(current), ...next }),
        { replace: true },
      );
    },
    [setParams],
  );
  return [options, setOptions];
}
