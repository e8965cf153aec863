import type { PlacedDot } from "./map-canvas";

/**
 * The dots with the partnered ones last, so they are painted on top: they are few, and a cluster
 * of unpartnered neighbours would otherwise hide them. Otherwise the order is kept (the sort is
 * stable).
 */
export function partneredOnTop(dots: readonly PlacedDot[]): PlacedDot[] {
  return [...dots].sort(
    (a, b) => Number(a.m.partnershipCount > 0) - Number(b.m.partnershipCount > 0),
  );
}
