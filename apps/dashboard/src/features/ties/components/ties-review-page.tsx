import type { TieSummary } from "@pobratym/core";
import { Fragment, useEffect, useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { regionName } from "../../../lib/municipality-name";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { tieReviewCsvUrl, useTieReview } from "../api/ties";
import { TieDecisionForm } from "./tie-decision-form";

const toggleId = (tieId: string) => `tie-decide-${tieId}`;

/**
 * The public review of ties with Russian or Belarusian towns: status, decision and date. Users who
 * may record a decision on a tie (`canDecide`, given by the app from the signed-in role) get an
 * inline form per tie.
 */
export function TiesReviewPage({
  profilePath,
  canDecide,
}: {
  profilePath: (id: string) => string;
  /** Whether the signed-in user may record a decision on ties of this municipality; absent for visitors. */
  canDecide?: (municipalityId: string) => boolean;
}) {
  const { t, countryName, formatDate, formatNumber, locale } = useI18n();
  useDocumentTitle(t("ties.title"));
  const [pending, setPending] = useState(false);
  const review = useTieReview(pending);
  const [openId, setOpenId] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ title: string; summary: TieSummary } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  const items = review.data?.items ?? [];
  const decidable = (s: TieSummary) => canDecide?.(s.municipality.id) ?? false;
  const showActions = items.some(decidable);
  const titleOf = (s: TieSummary) => `${s.municipality.name} – ${s.tie.foreignTown}`;

  // After the form closes, focus goes back to its row's button so keyboard users keep their place;
  // if the tie left the list (a decided tie under "pending only"), to the page heading instead.
  useEffect(() => {
    if (!focusId || review.isFetching) return;
    const target =
      document.getElementById(toggleId(focusId)) ??
      document.querySelector<HTMLElement>("[data-page-heading]");
    target?.focus();
    setFocusId(null);
  }, [focusId, review.isFetching]);

  const reloadTie = async (tieId: string) => {
    const fresh = await review.refetch();
    return fresh.data?.items.find((s) => s.tie.id === tieId);
  };

  return (
    <>
      <PageHeading>{t("ties.title")}</PageHeading>
      <p>{t("ties.intro")}</p>
      <div className="data-actions">
        <label className="choice">
          <input type="checkbox" checked={pending} onChange={(e) => setPending(e.target.checked)} />{" "}
          {t("ties.pendingOnly")}
        </label>
        <a href={tieReviewCsvUrl(pending)} download>
          {t("ties.csv")}
        </a>
      </div>
      <p role="status" className="results__summary">
        {saved
          ? t("ties.decide.saved", {
              title: saved.title,
              status: t(`tieStatus.${saved.summary.tie.status}`),
            })
          : ""}
      </p>
      {review.isPending ? (
        <Loading />
      ) : review.isError ? (
        <ErrorView error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <>
          <ul className="inline-list" aria-label={t("ties.counts")}>
            {review.data.counts.map((c) => (
              <li key={c.status}>
                {t(`tieStatus.${c.status}`)}: <strong>{formatNumber(c.count)}</strong>
              </li>
            ))}
          </ul>
          {review.data.items.length === 0 ? (
            <div className="notice">
              <p className="notice__title">{t("ties.empty")}</p>
            </div>
          ) : (
            <ScrollRegion labelledBy="ties-caption">
              <table>
                <caption id="ties-caption">
                  {t("ties.caption", { count: review.data.items.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("ties.municipality")}</th>
                    <th scope="col">{t("profile.ties.town")}</th>
                    <th scope="col">{t("profile.ties.type")}</th>
                    <th scope="col">{t("profile.ties.status")}</th>
                    <th scope="col">{t("ties.decisionDate")}</th>
                    <th scope="col">{t("ties.decision")}</th>
                    {showActions ? <th scope="col">{t("ties.actions")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {review.data.items.map((summary) => {
                    const { tie, municipality, needsReview } = summary;
                    const open = openId === tie.id;
                    return (
                      <Fragment key={tie.id}>
                        <tr>
                          <th scope="row">
                            <Link to={profilePath(municipality.id)}>{municipality.name}</Link>
                            <span className="name__alt">
                              {regionName(
                                { name: municipality.region, nameLatin: municipality.regionLatin },
                                locale,
                              )}
                            </span>
                          </th>
                          <td>
                            {tie.foreignTown}{" "}
                            <span className="muted">({countryName(tie.foreignCountry)})</span>
                          </td>
                          <td>{t(`tieType.${tie.type}`)}</td>
                          <td>
                            {needsReview ? (
                              <strong className="tie__flag">
                                <span aria-hidden="true">⚠ </span>
                                {t(`tieStatus.${tie.status}`)} – {t("ties.needsDecision")}
                              </strong>
                            ) : (
                              t(`tieStatus.${tie.status}`)
                            )}
                          </td>
                          <td>
                            {tie.decisionDate
                              ? formatDate(tie.decisionDate)
                              : t("common.notRecorded")}
                          </td>
                          <td>{tie.decision ?? t("common.notRecorded")}</td>
                          {showActions ? (
                            <td>
                              {decidable(summary) ? (
                                <button
                                  type="button"
                                  id={toggleId(tie.id)}
                                  className="button button--small button--secondary"
                                  aria-expanded={open}
                                  aria-controls={open ? `tie-decision-${tie.id}` : undefined}
                                  onClick={() => {
                                    setSaved(null);
                                    setOpenId(open ? null : tie.id);
                                  }}
                                >
                                  {t("ties.decide.open")}
                                  <span className="visually-hidden">: {titleOf(summary)}</span>
                                </button>
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                        {open ? (
                          <tr id={`tie-decision-${tie.id}`}>
                            <td colSpan={7}>
                              <TieDecisionForm
                                summary={summary}
                                title={titleOf(summary)}
                                reload={() => reloadTie(tie.id)}
                                onCancel={() => {
                                  setOpenId(null);
                                  setFocusId(tie.id);
                                }}
                                onSaved={(next) => {
                                  setOpenId(null);
                                  setSaved({ title: titleOf(next), summary: next });
                                  setFocusId(tie.id);
                                }}
                              />
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </>
  );
}
