import { TieReview, TieSummary, type UpdateTieInput } from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, apiUrl } from "../../../lib/api-client";

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

/**
 * What recording a decision needs: the version the form was filled in against goes out as If-Match,
 * so a decision made on stale data gets 412 instead of overwriting someone else's.
 */
export interface DecideTieInput {
  id: string;
  version: number;
  body: UpdateTieInput;
}

/** Records a tie's review decision (status, decision date, decision text). */
export function decideTie({ id, version, body }: DecideTieInput) {
  return apiSend("PATCH", `/ties/${encodeURIComponent(id)}`, TieSummary, {
    body,
    ifMatch: `"${version}"`,
  });
}

/** The decision mutation; the review list is refetched afterwards, whatever the outcome. */
export function useDecideTie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: decideTie,
    onSettled: () => client.invalidateQueries({ queryKey: ["ties"] }),
  });
}
