import { AcceptRoundResult, type CreateRoundInput, RoundDetail } from "@pobratym/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiSend, apiUrl } from "../../../lib/api-client";

/** The body of `POST /rounds` as the form sends it (defaults filled in by the API). */
export type RoundOptions = z.input<typeof CreateRoundInput>;

/** Runs (plans and stores) a national round. */
export function useRunRound() {
  return useMutation({
    mutationFn: (options: RoundOptions) =>
      apiSend("POST", "/rounds", RoundDetail, { body: options }),
  });
}

/** Accepts some pairs of a round, or all; each becomes a partnership. */
export function useAcceptPairs() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      pairs,
    }: {
      id: string;
      pairs: { hromadaId: string; partnerId: string }[] | "all";
    }) =>
      apiSend("POST", `/rounds/${encodeURIComponent(id)}/accept`, AcceptRoundResult, {
        body: pairs === "all" ? { all: true } : { pairs },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["partnerships"] }),
  });
}

/** The API's CSV of a round's pairs, with each score component's contribution. */
export const roundCsvUrl = (id: string) =>
  apiUrl(`/rounds/${encodeURIComponent(id)}`, { format: "csv" });
