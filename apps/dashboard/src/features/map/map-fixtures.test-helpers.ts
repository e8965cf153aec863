import { type MunicipalitySummary, REFERENCE_ATTRIBUTION } from "@pobratym/core";

/** A hromada or partner summary for map tests; only what the map reads is worth overriding. */
export function point(
  overrides: Partial<MunicipalitySummary> & { id: string },
): MunicipalitySummary {
  return {
    kind: "hromada",
    country: "UA",
    officialCode: overrides.id,
    names: { local: overrides.id, latin: overrides.id },
    region: {
      code: "UA65000000000030969",
      name: "Херсонська",
      nameLatin: "Khersonska",
      iso: "UA-65",
    },
    centre: { lat: 46.64, lon: 32.61 },
    partnershipCount: 0,
    areas: [],
    status: "published",
    ...overrides,
  };
}

const KYIV_REGION = {
  code: "UA32000000000030281",
  name: "Київська",
  nameLatin: "Kyivska",
  iso: "UA-32",
};

/** Three hromadas in two oblasts. */
export const HROMADAS: MunicipalitySummary[] = [
  point({
    id: "ua-kherson",
    names: { local: "Херсонська", uk: "Херсонська", latin: "Khersonska" },
    situation: "frontline",
    partnershipCount: 1,
  }),
  point({
    id: "ua-bilozerka",
    names: { local: "Білозерська", uk: "Білозерська", latin: "Bilozerska" },
    centre: { lat: 46.63, lon: 32.44 },
    situation: "deoccupied",
  }),
  point({
    id: "ua-bucha",
    names: { local: "Бучанська", uk: "Бучанська", latin: "Buchanska" },
    region: KYIV_REGION,
    centre: { lat: 50.54, lon: 30.21 },
    situation: "rear",
  }),
];

/** Partner municipalities in Sweden and Norway, one of them twinned. */
export const PARTNERS: MunicipalitySummary[] = [
  point({
    id: "se-vaxjo",
    kind: "partner",
    country: "SE",
    officialCode: "0780",
    names: { local: "Växjö" },
    region: { code: "07", name: "Kronobergs län", iso: "SE-G" },
    centre: { lat: 56.88, lon: 14.81 },
    partnershipCount: 1,
  }),
  point({
    id: "se-alvesta",
    kind: "partner",
    country: "SE",
    officialCode: "0764",
    names: { local: "Alvesta" },
    region: { code: "07", name: "Kronobergs län", iso: "SE-G" },
    centre: { lat: 56.9, lon: 14.56 },
  }),
  point({
    id: "no-tromso",
    kind: "partner",
    country: "NO",
    officialCode: "5501",
    names: { local: "Tromsø" },
    region: { code: "55", name: "Troms", iso: "NO-55" },
    centre: { lat: 69.65, lon: 18.96 },
    population: 78_000,
  }),
];

/** The `format=geojson` body the API sends for `points`. */
export function geoJson(points: readonly MunicipalitySummary[]) {
  return {
    type: "FeatureCollection",
    features: points.map(({ centre, ...properties }) => ({
      type: "Feature",
      id: properties.id,
      geometry: { type: "Point", coordinates: [centre?.lon ?? 0, centre?.lat ?? 0] },
      properties,
    })),
    attribution: REFERENCE_ATTRIBUTION,
  };
}

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

/** A stand-in for the API's map endpoints: hromadas, partners, and no oblast shapes (404). */
export function mapApi(url: string): Response {
  const u = new URL(url, "http://test");
  if (u.pathname.endsWith("/municipalities")) {
    return json(
      200,
      geoJson(u.searchParams.get("kind") === "partner" ? PARTNERS : HROMADAS),
      "application/geo+json",
    );
  }
  return json(
    404,
    { type: "about:blank", title: "Not found", status: 404, code: "not-found" },
    "application/problem+json",
  );
}
