import { type MunicipalitySummary, situationLabel } from "@pobratym/core";
import { Link } from "react-router";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { SituationSwatch } from "../../../components/ui/situation-swatch";
import { useI18n } from "../../../i18n";
import { alternateName, displayName, regionName } from "../../../lib/municipality-name";

interface Props {
  items: readonly MunicipalitySummary[];
  profilePath: (id: string) => string;
}

/** The catalogue's results: one row per municipality with its key facts. */
export function MunicipalityTable({ items, profilePath }: Props) {
  const { t, locale, formatNumber, countryName } = useI18n();
  return (
    <ScrollRegion labelledBy="results-caption">
      <table>
        <caption id="results-caption">{t("catalogue.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("catalogue.table.name")}</th>
            <th scope="col">{t("catalogue.table.country")}</th>
            <th scope="col">{t("catalogue.table.region")}</th>
            <th scope="col" className="num">
              {t("catalogue.table.population")}
            </th>
            <th scope="col">{t("catalogue.table.situation")}</th>
            <th scope="col" className="num">
              {t("catalogue.table.partnerships")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => {
            const alt = alternateName(m.names, m.kind, locale);
            return (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={profilePath(m.id)}>{displayName(m.names, m.kind, locale)}</Link>
                  {alt ? (
                    <span className="name__alt" lang={/[А-яІіЇїЄєҐґ]/.test(alt) ? "uk" : undefined}>
                      {alt}
                    </span>
                  ) : null}
                </th>
                <td>
                  {countryName(m.country)}
                  <span className="name__alt">
                    {t(m.kind === "hromada" ? "kind.hromada" : "kind.partner")}
                  </span>
                </td>
                <td>{regionName(m.region, locale)}</td>
                <td className="num">
                  {m.population !== undefined ? formatNumber(m.population) : "—"}
                </td>
                <td>
                  {m.situation ? (
                    <>
                      <SituationSwatch situation={m.situation} />
                      {situationLabel(m.situation, locale)}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="num">{formatNumber(m.partnershipCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
