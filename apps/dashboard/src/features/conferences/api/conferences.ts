import {
  ConferenceDetail,
  ConferenceOutcomes,
  type ConferenceOutcomesInput,
  ConferenceScheduleView,
  type ConferenceWish,
  type CreateConferenceInput,
  type MeetingOutcome,
  type ScheduleConferenceInput,
} from "@pobratym/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend, apiUrl } from "../../../lib/api-client";

const path = (id: string, rest = "") => `/conferences/${encodeURIComponent(id)}${rest}`;

/** Creates a conference. */
export function useCreateConference() {
  return useMutation({
    mutationFn: (input: CreateConferenceInput) =>
      apiSend("POST", "/conferences", ConferenceDetail, { body: input }),
  });
}

/** A conference with its participants and wishes (coordinators). */
export function useConference(id: string) {
  return useQuery({
    queryKey: ["conferences", id],
    queryFn: ({ signal }) => apiGet(path(id), ConferenceDetail, { signal }),
  });
}

/** The conference's schedule (empty before planning). */
export function useSchedule(id: string) {
  return useQuery({
    queryKey: ["conferences", id, "schedule"],
    queryFn: ({ signal }) => apiGet(path(id, "/schedule"), ConferenceScheduleView, { signal }),
  });
}

/** The API's CSV of the schedule: one row per meeting, to print and share. */
export const scheduleCsvUrl = (id: string) => apiUrl(path(id, "/schedule"), { format: "csv" });

/** Adds participants by municipality id (both sides mixed). */
export function useAddParticipants(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (municipalityIds: string[]) =>
      apiSend("POST", path(id, "/participants"), ConferenceDetail, { body: { municipalityIds } }),
    onSuccess: (detail) => client.setQueryData(["conferences", id], detail),
  });
}

/**
 * Adds one wish. The API replaces a participant's whole ranked list, so the new wish is appended
 * to that participant's existing wishes (lowest rank).
 */
export function useAddWish(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      existing,
      fromId,
      toId,
    }: {
      existing: readonly ConferenceWish[];
      fromId: string;
      toId: string;
    }) => {
      const toIds = existing
        .filter((w) => w.fromId === fromId)
        .sort((a, b) => a.rank - b.rank)
        .map((w) => w.toId)
        .filter((x) => x !== toId);
      return apiSend("PUT", path(id, "/wishes"), ConferenceDetail, {
        body: { wishes: [{ fromId, toIds: [...toIds, toId] }] },
      });
    },
    onSuccess: (detail) => client.setQueryData(["conferences", id], detail),
  });
}

/** Generates (or regenerates) the schedule. */
export function useGenerateSchedule(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleConferenceInput) =>
      apiSend("POST", path(id, "/schedule"), ConferenceScheduleView, { body: input }),
    onSuccess: (schedule) => client.setQueryData(["conferences", id, "schedule"], schedule),
  });
}

/** Records one meeting's outcome; a letter of intent becomes a partnership. */
export function useRecordOutcome(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (o: { hromadaId: string; partnerId: string; outcome: MeetingOutcome }) => {
      const body: ConferenceOutcomesInput = { outcomes: [o] };
      return apiSend("POST", path(id, "/outcomes"), ConferenceOutcomes, { body });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["conferences", id, "schedule"] }),
  });
}
