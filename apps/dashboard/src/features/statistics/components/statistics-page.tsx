import { cooperationAreaLabel, stageLabel } from "@pobratym/core";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { statisticsCsvUrl, useStatistics } from "../api/statistics";
import { BarChart } from "./bar-chart";
import "./statistics.css";

/** Rows of a waiting list shown before "Show all". */
const LIST_PREVIEW = 20;

/** Public figures for funders' reports: coverage by oblast, partnerships by stage, area, country and funding, and the waiting list. */
export function StatisticsPage({ profilePath }: { profilePath: (id: string) => string }) {
  const { t, locale, countryName, formatNumber, formatDate } = useI18n();
  useDocumentTitle(t("statistics.title"));
  const stats = useStatistics();
  const [showAll, setShowAll] = useState({ hromadas: false, partners: false });

  if (stats.isPending) {
    return (
      <>
        <PageHeading>{t("statistics.title")}</PageHeading>
        <Loading />
      </>
    );
  }
  if (stats.isError) {
    return (
      <>
        <PageHeading>{t("statistics.title")}</PageHeading>
        <ErrorView error={stats.error} onRetry={() => void stats.refetch()} />
      </>
    );
  }
  const s = stats.data;
  const oblastName = (o: { name: string; nameLatin?: string | undefined }) =>
    locale === "uk" ? o.name : (o.nameLatin ?? o.name);
  return (
    <>
      <PageHeading>{t("statistics.title")}</PageHeading>
      <p>{t("statistics.intro", { date: formatDate(s.generatedAt) })}</p>
      <div className="charts">
        <BarChart
          title={t("statistics.byOblast")}
          valueLabel={t("statistics.withPartner")}
          secondLabel={t("statistics.withoutPartner")}
          csvHref={statisticsCsvUrl("hromadas-by-oblast")}
          bars={s.hromadasByOblast.map((o) => ({
            key: o.regionCode,
            label: oblastName(o),
            value: o.withPartner,
            second: o.withoutPartner,
          }))}
        />
        <BarChart
          title={t("statistics.byStage")}
          valueLabel={t("statistics.partnerships")}
          csvHref={statisticsCsvUrl("partnerships-by-stage")}
          bars={s.partnershipsByStage.map((r) => ({
            key: r.stage,
            label: stageLabel(r.stage, locale),
            value: r.count,
          }))}
        />
        <BarChart
          title={t("statistics.byArea")}
          valueLabel={t("statistics.partnerships")}
          csvHref={statisticsCsvUrl("partnerships-by-area")}
          bars={s.partnershipsByArea.map((r) => ({
            key: r.area,
            label: cooperationAreaLabel(r.area, locale),
            value: r.count,
          }))}
        />
        <BarChart
          title={t("statistics.byCountry")}
          valueLabel={t("statistics.partnerships")}
          csvHref={statisticsCsvUrl("partnerships-by-country")}
          bars={s.partnershipsByCountry.map((r) => ({
            key: r.country,
            label: countryName(r.country),
            value: r.count,
          }))}
        />
        <BarChart
          title={t("statistics.hromadaOffers")}
          valueLabel={t("statistics.offers")}
          csvHref={statisticsCsvUrl("offers-by-area")}
          bars={s.offersByArea
            .filter((r) => r.hromadas > 0)
            .map((r) => ({
              key: r.area,
              label: cooperationAreaLabel(r.area, locale),
              value: r.hromadas,
            }))}
        />
        <BarChart
          title={t("statistics.partnerOffers")}
          valueLabel={t("statistics.offers")}
          csvHref={statisticsCsvUrl("offers-by-area")}
          bars={s.offersByArea
            .filter((r) => r.partners > 0)
            .map((r) => ({
              key: r.area,
              label: cooperationAreaLabel(r.area, locale),
              value: r.partners,
            }))}
        />
        <BarChart
          title={t("statistics.byFunding")}
          valueLabel={t("statistics.partnerships")}
          csvHref={statisticsCsvUrl("partnerships-by-funding")}
          bars={s.partnershipsByFunding.map((r) => ({
            key: r.funding,
            label: r.funding === "none" ? t("statistics.noFunding") : t(`funding.${r.funding}`),
            value: r.count,
          }))}
        />
      </div>

      <section aria-labelledby="waiting-h">
        <h2 id="waiting-h">{t("statistics.waiting")}</h2>
        {s.waitingList.hromadas.length === 0 ? (
          <p className="muted">{t("statistics.none")}</p>
        ) : (
          <ScrollRegion labelledBy="waiting-c">
            <table>
              <caption id="waiting-c">
                {t("statistics.waitingCaption", { count: s.waitingList.hromadas.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("catalogue.table.name")}</th>
                  <th scope="col">{t("catalogue.table.region")}</th>
                  <th scope="col" className="num">
                    {t("statistics.openNeeds")}
                  </th>
                  <th scope="col">{t("catalogue.table.areas")}</th>
                </tr>
              </thead>
              <tbody>
                {(showAll.hromadas
                  ? s.waitingList.hromadas
                  : s.waitingList.hromadas.slice(0, LIST_PREVIEW)
                ).map((h) => (
                  <tr key={h.id}>
                    <th scope="row">
                      <Link to={profilePath(h.id)}>{h.name}</Link>
                    </th>
                    <td>{h.region}</td>
                    <td className="num">{formatNumber(h.openNeeds)}</td>
                    <td>{h.areas.map((a) => cooperationAreaLabel(a, locale)).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {s.waitingList.hromadas.length > LIST_PREVIEW && !showAll.hromadas ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setShowAll({ ...showAll, hromadas: true })}
            >
              {t("statistics.showAll", { count: s.waitingList.hromadas.length })}
            </button>
          </p>
        ) : null}
        <h3>{t("statistics.spare")}</h3>
        {s.waitingList.partners.length === 0 ? (
          <p className="muted">{t("statistics.none")}</p>
        ) : (
          <ScrollRegion labelledBy="spare-c">
            <table>
              <caption id="spare-c">
                {t("statistics.spareCaption", { count: s.waitingList.partners.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("catalogue.table.name")}</th>
                  <th scope="col">{t("catalogue.table.country")}</th>
                  <th scope="col" className="num">
                    {t("statistics.capacity")}
                  </th>
                  <th scope="col" className="num">
                    {t("statistics.spareCount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(showAll.partners
                  ? s.waitingList.partners
                  : s.waitingList.partners.slice(0, LIST_PREVIEW)
                ).map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={profilePath(p.id)}>{p.name}</Link>
                    </th>
                    <td>{countryName(p.country)}</td>
                    <td className="num">{formatNumber(p.capacity)}</td>
                    <td className="num">{formatNumber(p.spare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {s.waitingList.partners.length > LIST_PREVIEW && !showAll.partners ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setShowAll({ ...showAll, partners: true })}
            >
              {t("statistics.showAll", { count: s.waitingList.partners.length })}
            </button>
          </p>
        ) : null}
      </section>
    </>
  );
}
