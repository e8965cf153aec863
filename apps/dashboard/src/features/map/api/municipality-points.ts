import { type MunicipalityFeatureCollection, MunicipalitySummary } from "@pobratym/core";

const FeatureProperties = MunicipalitySummary.omit({ centre: true });

/**
 * The municipalities of a `format=geojson` response, each with its centre back in place. The API
 * puts the summary, less the centre, into each feature's properties; they are checked with the
 * core schema, and a feature that fails the check is left off the map rather than failing it.
 */
export function pointsFromCollection(
  collection: MunicipalityFeatureCollection,
): MunicipalitySummary[] {
  return collection.features.flatMap((f) => {
    const properties = FeatureProperties.safeParse(f.properties);
    if (!properties.success) return [];
    const [lon, lat] = f.geometry.coordinates;
    return [{ ...properties.data, centre: { lat, lon } }];
  });
}
