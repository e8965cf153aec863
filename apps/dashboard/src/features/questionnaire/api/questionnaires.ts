import {
  type ApproveQuestionnaireInput,
  MunicipalityPage,
  type Questionnaire,
  QuestionnaireReview,
  QuestionnaireSubmission,
  type ReviewQuestionnaireInput,
} from "@pobratym/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet, apiSend } from "../../../lib/api-client";

/** The body of `GET /questionnaires`. */
const SubmissionList = z
  .object({ items: z.array(QuestionnaireSubmission) })
  .transform((p) => p.items);

/** Submits a filled-in questionnaire (anyone may; a coordinator reviews it). */
export function submitQuestionnaire(answers: Questionnaire) {
  return apiSend("POST", "/questionnaires", QuestionnaireSubmission, { body: answers });
}

/** The submit mutation. */
export function useSubmitQuestionnaire() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: submitQuestionnaire,
    onSuccess: () => client.invalidateQueries({ queryKey: ["questionnaires"] }),
  });
}

/** Query options for the coordinators' list of submissions. */
export function getQuestionnairesQueryOptions() {
  return queryOptions({
    queryKey: ["questionnaires", "list"],
    queryFn: ({ signal }) => apiGet("/questionnaires", SubmissionList, { signal }),
    staleTime: 0,
  });
}

/** Submitted questionnaires (coordinators). */
export function useQuestionnaires() {
  return useQuery(getQuestionnairesQueryOptions());
}

/** What approving a submission would do; `municipalityId` is the coordinator's explicit pick. */
export function getQuestionnaireReviewQueryOptions(id: string, municipalityId?: string) {
  return queryOptions({
    queryKey: ["questionnaires", "review", id, municipalityId ?? null],
    queryFn: ({ signal }) =>
      apiGet(`/questionnaires/${encodeURIComponent(id)}/review`, QuestionnaireReview, {
        signal,
        query: { municipalityId },
      }),
    staleTime: 0,
  });
}

/** The review of one submission (coordinators). */
export function useQuestionnaireReview(id: string, municipalityId?: string) {
  return useQuery(getQuestionnaireReviewQueryOptions(id, municipalityId));
}

/** Partner municipalities whose names match `q`, for an explicit pick on the review page. */
export function usePartnerSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["municipalities", "partner-search", query],
    queryFn: ({ signal }) =>
      apiGet("/municipalities", MunicipalityPage, {
        signal,
        query: { q: query, kind: "partner", limit: 10 },
      }),
    enabled: query.length >= 2,
  });
}

/** What an approval sends: the submission and, after a mismatch, the municipality picked. */
export interface ApproveInput {
  id: string;
  body?: ApproveQuestionnaireInput;
}

/** Approves a submission: the API publishes the profile with its offers and contact person. */
export function useApproveQuestionnaire() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: ApproveInput) =>
      apiSend(
        "POST",
        `/questionnaires/${encodeURIComponent(id)}/approve`,
        QuestionnaireSubmission,
        {
          ...(body ? { body } : {}),
        },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ["questionnaires"] }),
  });
}

/** What a rejection sends: the submission and, optionally, the reason (kept in the audit log). */
export interface RejectQuestionnaireInput {
  id: string;
  body: ReviewQuestionnaireInput;
}

/** Rejects a submission: the API marks it rejected and removes its draft profile if nothing uses it. */
export function rejectQuestionnaire({ id, body }: RejectQuestionnaireInput) {
  return apiSend(
    "POST",
    `/questionnaires/${encodeURIComponent(id)}/reject`,
    QuestionnaireSubmission,
    {
      body,
    },
  );
}

/** The reject mutation; the list is refetched afterwards (a 409 means someone reviewed it first). */
export function useRejectQuestionnaire() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: rejectQuestionnaire,
    onSettled: () => client.invalidateQueries({ queryKey: ["questionnaires"] }),
  });
}
