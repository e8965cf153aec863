import {
  type CreatePartnershipInput,
  type ExplainedComponent,
  MunicipalityPage,
  PartnershipDetail,
  SuggestionList,
} from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, apiSend } from "../../../lib/api-client";

/** One component of a score: reason code, contribution, the data behind it and whether it is decisive. */
export type ReasonComponent = z.input<typeof ExplainedComponent>;
/** One reason code. */
export type ReasonCode = ExplainedComponent["code"];

/** How many suggestions the page asks for. */
export const SUGGESTION_COUNT = 10;

/** Query options for a municipality's best counterparts. */
export function getSuggestionsQueryOptions(municipalityId: string) {
  return queryOptions({
    queryKey: ["suggestions", municipalityId],
    queryFn: ({ signal }) =>
      apiGet(`/municipalities/${encodeURIComponent(municipalityId)}/suggestions`, SuggestionList, {
        query: { k: SUGGESTION_COUNT },
        signal,
      }),
  });
}

/** A municipality's best counterparts with their reasons. */
export function useSuggestions(municipalityId: string) {
  return useQuery(getSuggestionsQueryOptions(municipalityId));
}

/** Municipalities matching a name, to pick whose suggestions to see. */
export function useMunicipalitySearch(q: string) {
  return useQuery({
    queryKey: ["municipalities", "pick", q],
    queryFn: ({ signal }) =>
      apiGet("/municipalities", MunicipalityPage, { query: { q, limit: 10 }, signal }),
    enabled: q.trim().length >= 2,
  });
}

/** Records a partnership for a suggested pair (at `contact`, or at `letter-of-intent`). */
export function useCreatePartnership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePartnershipInput) =>
      apiSend("POST", "/partnerships", PartnershipDetail, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["partnerships"] }),
  });
}
