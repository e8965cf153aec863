import {
  type MunicipalitySummary,
  SITUATION_CATEGORIES,
  type SituationCategory,
  situationLabel,
} from "@pobratym/core";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { regionName } from "../../../lib/municipality-name";

interface RegionRow {
  code: string;
  name: string;
  total: number;
  partnered: number;
  bySituation: Record<SituationCategory, number>;
}

/** The Ukraine view's table alternative: hromadas per oblast by situation and partnership. */
export function OblastCountsTable({
  points,
  regionPath,
}: {
  points: readonly MunicipalitySummary[];
  regionPath: (code: string) => string;
}) {
  const { t, locale, formatNumber } = useI18n();
  const captionId = useId();
  const rows = useMemo(() => {
    const byRegion = new Map<string, RegionRow>();
    for (const p of points) {
      let row = byRegion.get(p.region.code);
      if (!row) {
        row = {
          code: p.region.code,
          name: regionName(p.region, locale),
          total: 0,
          partnered: 0,
          bySituation: { occupied: 0, frontline: 0, deoccupied: 0, rear: 0 },
        };
        byRegion.set(p.region.code, row);
      }
      row.total++;
      if (p.partnershipCount > 0) row.partnered++;
      if (p.situation) row.bySituation[p.situation]++;
    }
    return [...byRegion.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [points, locale]);

  const sum = (f: (r: RegionRow) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  return (
    <ScrollRegion labelledBy={captionId}>
      <table>
        <caption id={captionId}>{t("map.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("map.table.region")}</th>
            <th scope="col" className="num">
              {t("map.table.total")}
            </th>
            {SITUATION_CATEGORIES.map((s) => (
              <th key={s.code} scope="col" className="num">
                {situationLabel(s.code, locale)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("map.table.partnered")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <Link to={regionPath(r.code)}>{r.name}</Link>
              </th>
              <td className="num">{formatNumber(r.total)}</td>
              {SITUATION_CATEGORIES.map((s) => (
                <td key={s.code} className="num">
                  {formatNumber(r.bySituation[s.code])}
                </td>
              ))}
              <td className="num">{formatNumber(r.partnered)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("common.total")}</th>
            <td className="num">{formatNumber(sum((r) => r.total))}</td>
            {SITUATION_CATEGORIES.map((s) => (
              <td key={s.code} className="num">
                {formatNumber(sum((r) => r.bySituation[s.code]))}
              </td>
            ))}
            <td className="num">{formatNumber(sum((r) => r.partnered))}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
