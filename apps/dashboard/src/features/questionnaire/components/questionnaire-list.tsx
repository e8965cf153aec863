import { useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useApproveQuestionnaire, useQuestionnaires } from "../api/questionnaires";

/** Coordinators: submitted questionnaires, newest first, each with an Approve button. */
export function QuestionnaireList({
  suggestionsPath,
  newPath,
}: {
  suggestionsPath: (municipalityId: string) => string;
  newPath: string;
}) {
  const { t, countryName, formatDate } = useI18n();
  useDocumentTitle(t("questionnaires.title"));
  const list = useQuestionnaires();
  const approve = useApproveQuestionnaire();
  const [approved, setApproved] = useState<string | null>(null);
  const items = [...(list.data ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));

  return (
    <>
      <PageHeading>{t("questionnaires.title")}</PageHeading>
      <p>
        <Link to={newPath}>{t("questionnaires.new")}</Link>
      </p>
      <p role="status">{approved ? t("questionnaires.approved", { name: approved }) : ""}</p>
      {approve.isError ? <ErrorView error={approve.error} /> : null}
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
                <tr key={s.id}>
                  <th scope="row">{s.answers.municipality.name}</th>
                  <td>{countryName(s.answers.municipality.country)}</td>
                  <td>{formatDate(s.submittedAt)}</td>
                  <td>{t(`questionnaires.status.${s.status}`)}</td>
                  <td>
                    {s.status === "submitted" ? (
                      <button
                        type="button"
                        className="button button--small"
                        aria-disabled={approve.isPending}
                        onClick={() => {
                          if (approve.isPending) return;
                          approve.mutate(s.id, {
                            onSuccess: () => setApproved(s.answers.municipality.name),
                          });
                        }}
                      >
                        {t("questionnaires.approve")}
                        <span className="visually-hidden">: {s.answers.municipality.name}</span>
                      </button>
                    ) : s.municipalityId ? (
                      <Link to={suggestionsPath(s.municipalityId)}>
                        {t("questionnaires.suggestions")}
                        <span className="visually-hidden">: {s.answers.municipality.name}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
