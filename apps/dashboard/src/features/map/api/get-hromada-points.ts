import { MunicipalityFeatureCollection, type MunicipalitySummary } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import { pointsFromCollection } from "./municipality-points";

/**
 * Every hromada with a known centre (about 1,470), in one GeoJSON request. The API puts the
 * summary, less the centre, into each feature's properties; they are checked with the core schema.
 */
export async function getHromadaPoints(signal?: AbortSignal): Promise<MunicipalitySummary[]> {
  const collection = await apiGet("/municipalities", MunicipalityFeatureCollection, {
    query: { kind: "hromada", format: "geojson" },
    ...(signal ? { signal } : {}),
  });
  const points = pointsFromCollection(collection);
  // For bench/perf.ts: the response is parsed and checked; drawing starts from here.
  performance.mark("map:data", { detail: points.length });
  return points;
}

/** Query options for the map's hromada points. */
export function getHromadaPointsQueryOptions() {
  return queryOptions({
    queryKey: ["municipalities", "map-points"],
    queryFn: ({ signal }) => getHromadaPoints(signal),
    staleTime: 5 * 60_000,
  });
}

/** Every hromada, for the map. */
export function useHromadaPoints() {
  return useQuery(getHromadaPointsQueryOptions());
}
