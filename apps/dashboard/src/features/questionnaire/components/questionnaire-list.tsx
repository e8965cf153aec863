import { Fragment, useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useQuestionnaires } from "../api/questionnaires";
import type { ApprovedState } from "./questionnaire-review-page";
import { RejectQuestionnaireForm } from "./reject-questionnaire-form";

const rejectButtonId = (id: string) => `questionnaire-reject-${id}`;
const rowHeaderId = (id: string) => `questionnaire-row-${id}`;

/** Coordinators: submitted questionnaires, newest first, each with Approve and Reject (confirmed) buttons. */
export function QuestionnaireList({
  suggestionsPath,
  reviewPath,
  newPath,
}: {
  suggestionsPath: (municipalityId: string) => string;
  reviewPath: (questionnaireId: string) => string;
  newPath: string;
}) {
  const { t, countryName, formatDate } = useI18n();
  useDocumentTitle(t("questionnaires.title"));
  const list = useQuestionnaires();
  // The review page approves and comes back here with the name, for the status line.
  const approvedName = (useLocation().state as Partial<ApprovedState> | null)?.approved;
  const [outcome, setOutcome] = useState<{ kind: "approved" | "rejected"; name: string } | null>(
    typeof approvedName === "string" ? { kind: "approved", name: approvedName } : null,
  );
  const [rejectingId, setRejectingId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const items = [...(list.data ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

  // When the confirmation closes, focus returns to its Reject button, or to the row once the
  // questionnaire has been reviewed and the button is gone.
  useEffect(() => {
    if (!focusId || list.isFetching) return;
    (
      document.getElementById(rejectButtonId(focusId)) ??
      document.getElementById(rowHeaderId(focusId))
    )?.focus();
    setFocusId(null);
  }, [focusId, list.isFetching]);

  return (
    <>
      <PageHeading>{t("questionnaires.title")}</PageHeading>
      <p>
        <Link to={newPath}>{t("questionnaires.new")}</Link>
      </p>
      <p role="status">
        {outcome ? t(`questionnaires.${outcome.kind}`, { name: outcome.name }) : ""}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorView error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <div className="notice">
          <p className="notice__title">{t("questionnaires.empty")}</p>
        </div>
      ) : (
        <ScrollRegion labelledBy="questionnaires-caption">
          <table>
            <caption id="questionnaires-caption">{t("questionnaires.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("questionnaire.field.name")}</th>
                <th scope="col">{t("questionnaire.field.country")}</th>
                <th scope="col">{t("questionnaires.submittedAt")}</th>
                <th scope="col">{t("questionnaires.status")}</th>
                <th scope="col">{t("questionnaires.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <Fragment key={s.id}>
                  <tr>
                    <th scope="row" id={rowHeaderId(s.id)} tabIndex={-1}>
                      {s.answers.municipality.name}
                    </th>
                    <td>{countryName(s.answers.municipality.country)}</td>
                    <td>{formatDate(s.submittedAt)}</td>
                    <td>{t(`questionnaires.status.${s.status}`)}</td>
                    <td>
                      {s.status === "submitted" ? (
                        <>
                          <Link className="button button--small" to={reviewPath(s.id)}>
                            {t("review.link")}
                            <span className="visually-hidden">: {s.answers.municipality.name}</span>
                          </Link>{" "}
                          <button
                            type="button"
                            id={rejectButtonId(s.id)}
                            className="button button--small button--secondary"
                            aria-expanded={rejectingId === s.id}
                            aria-controls={
                              rejectingId === s.id ? `questionnaire-reject-row-${s.id}` : undefined
                            }
                            onClick={() => {
                              setOutcome(null);
                              setRejectingId(rejectingId === s.id ? null : s.id);
                            }}
                          >
                            {t("questionnaires.reject")}
                            <span className="visually-hidden">: {s.answers.municipality.name}</span>
                          </button>
                        </>
                      ) : s.municipalityId ? (
                        <Link to={suggestionsPath(s.municipalityId)}>
                          {t("questionnaires.suggestions")}
                          <span className="visually-hidden">: {s.answers.municipality.name}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                  {rejectingId === s.id ? (
                    <tr id={`questionnaire-reject-row-${s.id}`}>
                      <td colSpan={5}>
                        <RejectQuestionnaireForm
                          submission={s}
                          onCancel={() => {
                            setRejectingId(null);
                            setFocusId(s.id);
                          }}
                          onRejected={() => {
                            setRejectingId(null);
                            setOutcome({ kind: "rejected", name: s.answers.municipality.name });
                            setFocusId(s.id);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
