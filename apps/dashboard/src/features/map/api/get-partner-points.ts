import { MunicipalityFeatureCollection, type MunicipalitySummary } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";
import { pointsFromCollection } from "./municipality-points";

/**
 * Every published European partner municipality with a known centre (Sweden, Norway and any other
 * country in the catalogue), in one GeoJSON request, the same way as the hromada points.
 */
export async function getPartnerPoints(signal?: AbortSignal): Promise<MunicipalitySummary[]> {
  const collection = await apiGet("/municipalities", MunicipalityFeatureCollection, {
    query: { kind: "partner", format: "geojson" },
    ...(signal ? { signal } : {}),
  });
  return pointsFromCollection(collection);
}

/** Query options for the Europe view's partner points. */
export function getPartnerPointsQueryOptions() {
  return queryOptions({
    queryKey: ["municipalities", "map-points", "partner"],
    queryFn: ({ signal }) => getPartnerPoints(signal),
    staleTime: 5 * 60_000,
  });
}

/** Every partner municipality, for the Europe view. */
export function usePartnerPoints() {
  return useQuery(getPartnerPointsQueryOptions());
}
