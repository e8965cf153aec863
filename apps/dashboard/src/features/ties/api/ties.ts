import { TieReview } from "@pobratym/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiGet, apiUrl } from "../../../lib/api-client";

/** Query options for the review list of ties with Russian or Belarusian towns. */
export function getTieReviewQueryOptions(pending: boolean) {
  return queryOptions({
    queryKey: ["ties", "review", pending],
    queryFn: ({ signal }) =>
      apiGet("/ties/review", TieReview, { query: { pending: pending || undefined }, signal }),
  });
}

/** Ties with Russian or Belarusian towns, undecided first. */
export function useTieReview(pending: boolean) {
  return useQuery(getTieReviewQueryOptions(pending));
}

/** The same list as a spreadsheet (built by the API). */
export const tieReviewCsvUrl = (pending: boolean) =>
  apiUrl("/ties/review", { format: "csv", pending: pending || undefined });
