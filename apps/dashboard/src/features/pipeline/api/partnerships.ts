import {
  type CooperationAreaCode,
  type CountryCode,
  type FundingSource,
  PartnershipDetail,
  PartnershipPage,
  type Stage,
} from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../../../lib/api-client";

/** The board's filters; empty means "any". */
export interface PipelineFilters {
  country: CountryCode | "";
  area: CooperationAreaCode | "";
  funding: FundingSource | "";
}

/** The board shows every partnership at once: one page of the API's maximum size. */
const BOARD_LIMIT = 500;

/** Fetches the partnerships for the board. */
export function getPartnerships(filters: PipelineFilters, signal?: AbortSignal) {
  return apiGet("/partnerships", PartnershipPage, {
    query: { ...filters, limit: BOARD_LIMIT },
    ...(signal ? { signal } : {}),
  });
}

/** Query options for the board. */
export function getPartnershipsQueryOptions(filters: PipelineFilters) {
  return queryOptions({
    queryKey: ["partnerships", "board", filters],
    queryFn: ({ signal }) => getPartnerships(filters, signal),
    staleTime: 0,
  });
}

/** The partnerships on the board. */
export function usePartnerships(filters: PipelineFilters) {
  return useQuery(getPartnershipsQueryOptions(filters));
}

/** One partnership with its history, fetched only when its history is opened. */
export function usePartnershipDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["partnerships", "detail", id],
    queryFn: ({ signal }) =>
      apiGet(`/partnerships/${encodeURIComponent(id)}`, PartnershipDetail, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** What a move needs: the card's version is sent as If-Match, so a stale board gets 412, not a lost update. */
export interface MoveInput {
  id: string;
  to: Stage;
  version: number;
  note?: string;
}

/** Moves a partnership to another stage. */
export function movePartnership({ id, to, version, note }: MoveInput) {
  return apiSend("POST", `/partnerships/${encodeURIComponent(id)}/moves`, PartnershipDetail, {
    body: note ? { to, note } : { to },
    ifMatch: `"${version}"`,
  });
}

/** The move mutation; the board is refetched afterwards, whatever the outcome (a 412 means it is stale). */
export function useMovePartnership() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: movePartnership,
    onSettled: () => client.invalidateQueries({ queryKey: ["partnerships"] }),
  });
}
