import { useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { tieReviewCsvUrl, useTieReview } from "../api/ties";

/** The public review of ties with Russian or Belarusian towns: status, decision and date. */
export function TiesReviewPage({ profilePath }: { profilePath: (id: string) => string }) {
  const { t, countryName, formatDate, formatNumber } = useI18n();
  useDocumentTitle(t("ties.title"));
  const [pending, setPending] = useState(false);
  const review = useTieReview(pending);

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
                  </tr>
                </thead>
                <tbody>
                  {review.data.items.map(({ tie, municipality, needsReview }) => (
                    <tr key={tie.id}>
                      <th scope="row">
                        <Link to={profilePath(municipality.id)}>{municipality.name}</Link>
                        <span className="name__alt">{municipality.region}</span>
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
                        {tie.decisionDate ? formatDate(tie.decisionDate) : t("common.notRecorded")}
                      </td>
                      <td>{tie.decision ?? t("common.notRecorded")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </>
      )}
    </>
  );
}
