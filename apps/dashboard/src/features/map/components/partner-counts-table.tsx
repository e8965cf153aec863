import type { MunicipalitySummary } from "@pobratym/core";
import { useId, useMemo } from "react";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { regionName } from "../../../lib/municipality-name";
import { regionKey } from "../hooks/map-options";

interface Row {
  key: string;
  country: string;
  region: string;
  total: number;
  partnered: number;
}

/** The Europe view's table alternative: partner municipalities per country and region. */
export function PartnerCountsTable({ points }: { points: readonly MunicipalitySummary[] }) {
  const { t, locale, formatNumber, countryName } = useI18n();
  const captionId = useId();
  const rows = useMemo(() => {
    const byRegion = new Map<string, Row>();
    for (const p of points) {
      const key = regionKey(p);
      let row = byRegion.get(key);
      if (!row) {
        row = {
          key,
          country: countryName(p.country),
          region: regionName(p.region, locale),
          total: 0,
          partnered: 0,
        };
        byRegion.set(key, row);
      }
      row.total++;
      if (p.partnershipCount > 0) row.partnered++;
    }
    return [...byRegion.values()].sort(
      (a, b) =>
        a.country.localeCompare(b.country, locale) || a.region.localeCompare(b.region, locale),
    );
  }, [points, locale, countryName]);

  const sum = (f: (r: Row) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  return (
    <ScrollRegion labelledBy={captionId}>
      <table>
        <caption id={captionId}>{t("map.europe.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("map.europe.table.country")}</th>
            <th scope="col">{t("map.europe.table.region")}</th>
            <th scope="col" className="num">
              {t("map.europe.table.total")}
            </th>
            <th scope="col" className="num">
              {t("map.table.partnered")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.country}</td>
              <th scope="row">{r.region}</th>
              <td className="num">{formatNumber(r.total)}</td>
              <td className="num">{formatNumber(r.partnered)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("common.total")}
            </th>
            <td className="num">{formatNumber(sum((r) => r.total))}</td>
            <td className="num">{formatNumber(sum((r) => r.partnered))}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
