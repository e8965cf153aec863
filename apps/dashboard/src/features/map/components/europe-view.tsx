import type { MunicipalitySummary } from "@pobratym/core";
import { useCallback, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { useI18n } from "../../../i18n";
import { displayName, regionName } from "../../../lib/municipality-name";
import { useCountryShapes } from "../api/get-country-shapes";
import { usePartnerPoints } from "../api/get-partner-points";
import type { MapOptions } from "../hooks/map-options";
import { PARTNERSHIP_COLOURS, pointColour } from "./colour-scheme";
import { EuropeMap } from "./europe-map";
import { MapLegend } from "./map-legend";
import { MunicipalityFinder, type PointStatus } from "./municipality-finder";
import { PartnerCountsTable } from "./partner-counts-table";

interface Props {
  profilePath: (id: string) => string;
  region: string | undefined;
  onChange: (next: Partial<MapOptions>) => void;
}

/** Europe's partner municipalities (Sweden, Norway, …), coloured by partnership status. */
export function EuropeView({ profilePath, region, onChange }: Props) {
  const { t, locale, countryName } = useI18n();
  const navigate = useNavigate();
  const points = usePartnerPoints();
  const countries = useCountryShapes();
  const [highlight, setHighlight] = useState<string | null>(null);

  const status = useCallback(
    (m: MunicipalitySummary): PointStatus => ({
      colour: pointColour(m, "partnership"),
      label: m.partnershipCount > 0 ? t("map.partnered") : t("map.unpartnered"),
    }),
    [t],
  );
  const pointTitle = useCallback(
    (m: MunicipalitySummary) =>
      `${displayName(m.names, m.kind, locale)}, ${regionName(m.region, locale)}, ${countryName(
        m.country,
      )}: ${status(m).label}`,
    [status, locale, countryName],
  );
  const legend = useMemo(() => {
    const all = points.data ?? [];
    const partnered = all.filter((p) => p.partnershipCount > 0).length;
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
        count: all.length - partnered,
      },
    ];
  }, [points.data, t]);

  return (
    <>
      <p>{t("map.europe.intro")}</p>
      {points.isPending || countries.isPending ? (
        <Loading />
      ) : points.isError ? (
        <ErrorView error={points.error} onRetry={() => void points.refetch()} />
      ) : (
        <>
          {countries.isError ? (
            <p className="notice notice--warn">{t("map.europe.noShapes")}</p>
          ) : null}
          <div className="map-layout">
            <figure className="map-figure">
              <EuropeMap
                points={points.data}
                countries={countries.data ?? null}
                label={t("map.europe.figureLabel", { count: points.data.length })}
                onSelect={(id) => void navigate(profilePath(id))}
                pointTitle={pointTitle}
                highlightId={highlight}
              />
            </figure>
            <div className="map-side">
              <MapLegend entries={legend} />
              <MunicipalityFinder
                points={points.data}
                regionLabel={t("map.europe.table.region")}
                region={region}
                onRegionChange={(key) => onChange({ region: key })}
                profilePath={profilePath}
                status={status}
                onHighlight={setHighlight}
              />
            </div>
          </div>
          <div className="map-table">
            <PartnerCountsTable points={points.data} />
          </div>
        </>
      )}
    </>
  );
}
