import {
  type MunicipalitySummary,
  SITUATION_CATEGORIES,
  type SituationCategory,
  situationLabel,
} from "@pobratym/core";
import { useId, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { SITUATION_COLOURS } from "../../../components/ui/situation-swatch";
import { useI18n } from "../../../i18n";
import { displayName, regionName } from "../../../lib/municipality-name";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useHromadaPoints } from "../api/get-hromada-points";
import { useOblastShapes } from "../api/get-oblast-shapes";
import { type ColourMode, PARTNERSHIP_COLOURS } from "./colour-scheme";
import { HromadaMap } from "./hromada-map";

interface Props {
  profilePath: (id: string) => string;
  /** The catalogue filtered to one region's hromadas: the keyboard route to every dot. */
  regionPath: (regionCode: string) => string;
}

/** Ukraine's hromadas on a map, coloured by situation or partnership, with a table alternative. */
export function MapPage({ profilePath, regionPath }: Props) {
  const { t, locale } = useI18n();
  useDocumentTitle(t("map.title"));
  const navigate = useNavigate();
  const points = useHromadaPoints();
  const shapes = useOblastShapes();
  const [mode, setMode] = useState<ColourMode>("situation");
  const radioName = useId();

  const modeLabel = t(mode === "situation" ? "map.colourBy.situation" : "map.colourBy.partnership");
  const pointTitle = (m: MunicipalitySummary) =>
    `${displayName(m.names, m.kind, locale)}, ${regionName(m.region, locale)}: ${
      mode === "situation"
        ? m.situation
          ? situationLabel(m.situation, locale)
          : t("common.notRecorded")
        : m.partnershipCount > 0
          ? t("map.partnered")
          : t("map.unpartnered")
    }`;

  return (
    <>
      <PageHeading>{t("map.title")}</PageHeading>
      <p>{t("map.intro")}</p>
      {points.isPending || shapes.isPending ? (
        <Loading />
      ) : points.isError ? (
        <ErrorView error={points.error} onRetry={() => void points.refetch()} />
      ) : (
        <>
          {shapes.data === null || shapes.isError ? (
            <p className="notice notice--warn">{t("map.noShapes")}</p>
          ) : null}
          <div className="map-layout">
            <figure className="map-figure">
              <HromadaMap
                points={points.data}
                shapes={shapes.data ?? null}
                mode={mode}
                label={t("map.figureLabel", {
                  count: points.data.length,
                  mode: locale === "uk" ? modeLabel : modeLabel.toLocaleLowerCase(locale),
                })}
                onSelect={(id) => void navigate(profilePath(id))}
                pointTitle={pointTitle}
              />
            </figure>
            <div>
              <fieldset className="radio-group">
                <legend>{t("map.colourBy")}</legend>
                {(["situation", "partnership"] as const).map((m) => (
                  <label key={m}>
                    <input
                      type="radio"
                      name={radioName}
                      value={m}
                      checked={mode === m}
                      onChange={() => setMode(m)}
                    />
                    {t(m === "situation" ? "map.colourBy.situation" : "map.colourBy.partnership")}
                  </label>
                ))}
              </fieldset>
              <Legend mode={mode} points={points.data} />
            </div>
          </div>
          <div className="map-table">
            <CountsTable points={points.data} regionPath={regionPath} />
          </div>
        </>
      )}
    </>
  );
}

function Legend({ mode, points }: { mode: ColourMode; points: readonly MunicipalitySummary[] }) {
  const { t, locale, formatNumber } = useI18n();
  const entries =
    mode === "situation"
      ? [
          ...SITUATION_CATEGORIES.map((s) => ({
            key: s.code,
            colour: SITUATION_COLOURS[s.code],
            label: situationLabel(s.code, locale),
            count: points.filter((p) => p.situation === s.code).length,
          })),
          {
            key: "unknown",
            colour: SITUATION_COLOURS.unknown,
            label: t("common.notRecorded"),
            count: points.filter((p) => !p.situation).length,
          },
        ].filter((e) => e.key !== "unknown" || e.count > 0)
      : [
          {
            key: "partnered",
            colour: PARTNERSHIP_COLOURS.partnered,
            label: t("map.partnered"),
            count: points.filter((p) => p.partnershipCount > 0).length,
          },
          {
            key: "unpartnered",
            colour: PARTNERSHIP_COLOURS.unpartnered,
            label: t("map.unpartnered"),
            count: points.filter((p) => p.partnershipCount === 0).length,
          },
        ];
  return (
    <section aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="legend__heading">
        {t("map.legend")}
      </h2>
      <ul className="legend">
        {entries.map((e) => (
          <li key={e.key}>
            <span className="swatch" aria-hidden="true" style={{ background: e.colour }} />
            {e.label} ({formatNumber(e.count)})
          </li>
        ))}
      </ul>
    </section>
  );
}

interface RegionRow {
  code: string;
  name: string;
  total: number;
  partnered: number;
  bySituation: Record<SituationCategory, number>;
}

function CountsTable({
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
