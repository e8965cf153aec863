import { queryOptions, useQuery } from "@tanstack/react-query";
import { type GeoPermissibleObjects, geoBounds, geoContains } from "d3-geo";
import { feature, merge } from "topojson-client";

type Topology = Parameters<typeof feature>[0];
type TopoObject = Exclude<Parameters<typeof feature>[1], string>;
type TopoPolygon = Extract<Parameters<typeof merge>[1], readonly unknown[]>[number];

/** One country outline, keyed by its ISO 3166-1 numeric code as Natural Earth gives it. */
export interface CountryShape {
  id: string;
  name: string | undefined;
  geometry: GeoPermissibleObjects;
}

/** Ukraine's ISO 3166-1 numeric code, to tint it on the Europe view. */
export const UKRAINE_NUMERIC = "804";
const RUSSIA_NUMERIC = "643";
/** Simferopol: a point inside Crimea, to find the peninsula's polygon. */
const CRIMEA: [number, number] = [34.1, 44.95];

// Europe with room around it (lon, lat): what the Europe view can show.
const WEST = -32;
const EAST = 60;
const SOUTH = 30;
const NORTH = 82;

const overlaps = (from: number, to: number) => to >= WEST && from <= EAST;

/** True when the shape's bounding box meets Europe's; keeps the path work to the countries drawn. */
export function overlapsEurope(geometry: GeoPermissibleObjects): boolean {
  const [[west, south], [east, north]] = geoBounds(geometry);
  if (north < SOUTH || south > NORTH) return false;
  // Bounds that cross the antimeridian (Russia, the United States, Fiji) have west > east.
  return west > east ? overlaps(west, 180) || overlaps(-180, east) : overlaps(west, east);
}

/**
 * Natural Earth draws de facto lines, so `world-atlas` puts Crimea inside Russia. Ukraine's borders
 * as internationally recognised (UN General Assembly resolution 68/262), which the oblast shapes
 * of the reference data also follow, include it: move the peninsula's polygon back to Ukraine and
 * merge it there, so no line is drawn across the Perekop isthmus.
 */
function withUkrainianCrimea(
  topology: Topology,
  geometries: readonly TopoObject[],
): CountryShape[] {
  // topojson-client's types stop at the object level; arcs are read from the TopoJSON itself.
  const polygonsOf = (g: TopoObject | undefined): number[][][][] => {
    const arcs = (g as { arcs?: unknown } | undefined)?.arcs;
    if (g?.type === "MultiPolygon") return arcs as number[][][][];
    return g?.type === "Polygon" ? [arcs as number[][][]] : [];
  };
  const polygon = (arcs: number[][][]) => ({ type: "Polygon", arcs }) as unknown as TopoPolygon;
  const decode = (g: TopoObject) => feature(topology, g) as unknown as GeoPermissibleObjects;

  const russia = geometries.find((g) => String(g.id) === RUSSIA_NUMERIC);
  const crimea = polygonsOf(russia).filter((arcs) =>
    geoContains(decode(polygon(arcs) as unknown as TopoObject), CRIMEA),
  );

  return geometries.map((g) => {
    const id = String(g.id ?? "");
    const props = (g.properties ?? {}) as Record<string, unknown>;
    const name = typeof props.name === "string" ? props.name : undefined;
    let geometry = decode(g);
    if (crimea.length > 0 && id === UKRAINE_NUMERIC) {
      const merged = merge(topology, [...polygonsOf(g), ...crimea].map(polygon));
      geometry = merged as unknown as GeoPermissibleObjects;
    } else if (crimea.length > 0 && id === RUSSIA_NUMERIC) {
      const rest = polygonsOf(g).filter((arcs) => !crimea.includes(arcs));
      geometry = decode({ ...g, type: "MultiPolygon", arcs: rest } as unknown as TopoObject);
    }
    return { id, name, geometry };
  });
}

/**
 * Europe's country outlines from the `world-atlas` package (Natural Earth 1:50m, public domain),
 * bundled as its own chunk and loaded only when the Europe view opens: no request leaves the
 * dashboard's origin, so the map works offline, and the initial JS does not carry ~240 kB of it.
 */
export async function getCountryShapes(): Promise<CountryShape[]> {
  const { default: atlas } = await import("world-atlas/countries-50m.json");
  const topology = atlas as unknown as Topology;
  const countries = topology.objects.countries;
  if (countries?.type !== "GeometryCollection") return [];
  const { geometries } = countries as unknown as { geometries: TopoObject[] };
  return withUkrainianCrimea(topology, geometries).filter((c) => overlapsEurope(c.geometry));
}

/** Query options for the country outlines; they ship with the app, so they never go stale. */
export function getCountryShapesQueryOptions() {
  return queryOptions({
    queryKey: ["reference", "countries-50m"],
    queryFn: () => getCountryShapes(),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Europe's country outlines. */
export function useCountryShapes() {
  return useQuery(getCountryShapesQueryOptions());
}
