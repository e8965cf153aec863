import { Health } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api-client";

/** Query options for `GET /health`: the server's version and what its catalogue holds. */
export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: ["health"],
    queryFn: ({ signal }) => apiGet("/health", Health, { signal }),
    // What the catalogue holds changes only when the server restarts.
    staleTime: 5 * 60_000,
  });
}

/** The server's health, including whether it runs on the demo dataset. */
export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
