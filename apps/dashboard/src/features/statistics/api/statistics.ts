import { Statistics } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet, apiUrl } from "../../../lib/api-client";

/** Query options for the public statistics. */
export function getStatisticsQueryOptions() {
  return queryOptions({
    queryKey: ["statistics"],
    queryFn: ({ signal }) => apiGet("/statistics", Statistics, { signal }),
  });
}

/** Aggregated public figures. */
export function useStatistics() {
  return useQuery(getStatisticsQueryOptions());
}

/** The CSV download of one statistics table (the API builds it). */
export const statisticsCsvUrl = (table: string) =>
  apiUrl(`/statistics/${table}`, { format: "csv" });
