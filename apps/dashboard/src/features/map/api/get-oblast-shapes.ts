import { queryOptions, useQuery } from "@tanstack/react-query";
import type { GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import { z } from "zod";
import { apiGetOptional } from "../../../lib/api-client";

type Topology = Parameters<typeof feature>[0];

/** The outer shape of a TopoJSON topology; `topojson-client` checks the rest as it decodes. */
const TopologyShape = z.looseObject({
  type: z.literal("Topology"),
  arcs: z.array(z.unknown()),
  objects: z.record(z.string(), z.looseObject({ type: z.string() })),
});

/** One oblast outline with its ISO code and names, ready for d3-geo. */
export interface OblastShape {
  iso: string | undefined;
  name: string | undefined;
  geometry: GeoPermissibleObjects;
}

/**
 * The oblast outlines, or null while the API does not serve them yet (404): the map then draws
 * the hromada points on a graticule alone.
 */
export async function getOblastShapes(signal?: AbortSignal): Promise<OblastShape[] | null> {
  const topology = await apiGetOptional(
    "/reference/oblasts.topo.json",
    TopologyShape,
    signal ? { signal } : {},
  );
  if (!topology) return null;
  const topo = topology as unknown as Topology;
  const [name] = Object.keys(topo.objects);
  const object = name ? topo.objects[name] : undefined;
  if (!object) return null;
  const collection = feature(topo, object);
  const features = "features" in collection ? collection.features : [collection];
  return features.map((f) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    return {
      iso: typeof props.iso === "string" ? props.iso : undefined,
      name: typeof props.name_en === "string" ? props.name_en : undefined,
      geometry: f as unknown as GeoPermissibleObjects,
    };
  });
}

/** Query options for the oblast outlines; reference data, so cached for the session. */
export function getOblastShapesQueryOptions() {
  return queryOptions({
    queryKey: ["reference", "oblasts"],
    queryFn: ({ signal }) => getOblastShapes(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The oblast outlines, or null when the API has none. */
export function useOblastShapes() {
  return useQuery(getOblastShapesQueryOptions());
}
