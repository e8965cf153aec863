import { type MunicipalitySummary, SITUATION_CATEGORIES, situationLabel } from "@pobratym/core";
import { useCallback, useId, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { SITUATION_COLOURS } from "../../../components/ui/situation-swatch";
import { useI18n } from "../../../i18n";
import { displayName, regionName } from "../../../lib/municipality-name";
import { useHromadaPoints } from "../api/get-hromada-points";
import { useOblastShapes } from "../api/get-oblast-shapes";
import type { MapOptions } from "../hooks/map-options";
import { type ColourMode, PARTNERSHIP_COLOURS, pointColour } from "./colour-scheme";
import { HromadaMap } from "./hromada-map";
import { type LegendEntry, MapLegend } from "./map-legend";
import { MunicipalityFinder, type PointStatus } from "./municipality-finder";
import { OblastCountsTable } from "./oblast-counts-table";
import { ukraineFrame } from "./ukraine-frame";

interface Props {
  profilePath: (id: string) => string;
  /** The catalogue filtered to one region's hromadas (the counts table links there). */
  regionPath: (regionCode: string) => string;
  colour: ColourMode;
  region: string | undefined;
  onChange: (next: Partial<MapOptions>) => void;
}

/** Ukraine's hromadas on the oblast map, coloured by situation or partnership. */
export function UkraineView({ profilePath, regionPath, colour, region, onChange }: Props) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const points = useHromadaPoints();
  const shapes = useOblastShapes();
  const [highlight, setHighlight] = useState<string | null>(null);
  const radioName = useId();
  // Projected and drawn as soon as the outlines are in (or known to be missing), often while the
  // hromada list, ten times larger, is still downloading: then the dots are all that is left.
  const frame = useMemo(
    () => (shapes.isPending ? undefined : ukraineFrame(shapes.data ?? null)),
    [shapes.isPending, shapes.data],
  );

  const status = useCallback(
    (m: MunicipalitySummary): PointStatus => ({
      colour: pointColour(m, colour),
      label:
        colour === "situation"
          ? m.situation
            ? situationLabel(m.situation, locale)
            : t("common.notRecorded")
          : m.partnershipCount > 0
            ? t("map.partnered")
            : t("map.unpartnered"),
    }),
    [colour, locale, t],
  );
  const pointTitle = useCallback(
    (m: MunicipalitySummary) =>
      `${displayName(m.names, m.kind, locale)}, ${regionName(m.region, locale)}: ${status(m).label}`,
    [status, locale],
  );
  const legend = useMemo(
    () => (points.data ? legendEntries(points.data, colour, t, locale) : []),
    [points.data, colour, t, locale],
  );

  const modeLabel = t(
    colour === "situation" ? "map.colourBy.situation" : "map.colourBy.partnership",
  );

  return (
    <>
      <p>{t("map.intro")}</p>
      {points.isPending || !frame ? (
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
                frame={frame}
                mode={colour}
                label={t("map.figureLabel", {
                  count: points.data.length,
                  mode: locale === "uk" ? modeLabel : modeLabel.toLocaleLowerCase(locale),
                })}
                onSelect={(id) => void navigate(profilePath(id))}
                pointTitle={pointTitle}
                selectedIso={region}
                highlightId={highlight}
              />
            </figure>
            <div className="map-side">
              <fieldset className="radio-group">
                <legend>{t("map.colourBy")}</legend>
                {(["situation", "partnership"] as const).map((m) => (
                  <label key={m}>
                    <input
                      type="radio"
                      name={radioName}
                      value={m}
                      checked={colour === m}
                      onChange={() => onChange({ colour: m })}
                    />
                    {t(m === "situation" ? "map.colourBy.situation" : "map.colourBy.partnership")}
                  </label>
                ))}
              </fieldset>
              <MapLegend entries={legend} />
              <MunicipalityFinder
                points={points.data}
                regionLabel={t("map.table.region")}
                region={region}
                onRegionChange={(key) => onChange({ region: key })}
                profilePath={profilePath}
                status={status}
                onHighlight={setHighlight}
              />
            </div>
          </div>
          <div className="map-table">
            <OblastCountsTable points={points.data} regionPath={regionPath} />
          </div>
        </>
      )}
    </>
  );
}

function legendEntries(
  points: readonly MunicipalitySummary[],
  mode: ColourMode,
  t: ReturnType<typeof useI18n>["t"],
  locale: ReturnType<typeof useI18n>["locale"],
): LegendEntry[] {
  if (mode === "partnership") {
    const partnered = points.filter((p) => p.partnershipCount > 0).length;
    return [
      {
        key: "partnered",
        colour: PARTNERSHIP_COLOURS.partnered,
        label: t("map.partnered"),
        count: partnered,
      },
      {
        key: "unpartnered",
        colour: PARTNERSHIP_COLOURS.unpartnered,
        label: t("map.unpartnered"),
        count: points.length - partnered,
      },
    ];
  }
  return [
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
  ].filter((e) => e.key !== "unknown" || e.count > 0);
}
