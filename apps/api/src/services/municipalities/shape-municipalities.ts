import {
  type MunicipalityFeatureCollection,
  type MunicipalitySummary,
  REFERENCE_ATTRIBUTION,
} from "@pobratym/core";
import { toCsv } from "../../lib/csv";

/**
 * GeoJSON of administrative centres only: never a finer location, for the safety of people there.
 * A top-level `attribution` member carries the line the data's licences require.
 */
export function municipalitiesGeoJson(
  items: readonly MunicipalitySummary[],
): MunicipalityFeatureCollection {
  return {
    type: "FeatureCollection",
    features: items.flatMap(({ centre, ...properties }) =>
      centre
        ? [
            {
              type: "Feature" as const,
              id: properties.id,
              geometry: {
                type: "Point" as const,
                coordinates: [centre.lon, centre.lat] as [number, number],
              },
              properties,
            },
          ]
        : [],
    ),
    attribution: REFERENCE_ATTRIBUTION,
  };
}

const CSV_HEADER = [
  "id",
  "kind",
  "country",
  "official_code",
  "name_local",
  "name_latin",
  "name_en",
  "name_uk",
  "region_code",
  "region_name",
  "region_iso",
  "population",
  "population_year",
  "area_km2",
  "lat",
  "lon",
  "situation",
  "capacity",
  "partnership_count",
  "areas",
  "status",
] as const;

/** The catalogue as CSV (RFC 4180, UTF-8, CRLF); `areas` is `;`-separated. */
export function municipalitiesCsv(items: readonly MunicipalitySummary[]): string {
  return toCsv(
    CSV_HEADER,
    items.map((m) => [
      m.id,
      m.kind,
      m.country,
      m.officialCode,
      m.names.local,
      m.names.latin,
      m.names.en,
      m.names.uk,
      m.region.code,
      m.region.name,
      m.region.iso,
      m.population,
      m.populationYear,
      m.areaKm2,
      m.centre?.lat,
      m.centre?.lon,
      m.situation,
      m.capacity,
      m.partnershipCount,
      m.areas.join(";"),
      m.status,
    ]),
  );
}
