import type { MunicipalitySummary } from "@pobratym/core";
import { type GeoPermissibleObjects, geoAzimuthalEqualArea, geoGraticule, geoPath } from "d3-geo";
import { useEffect, useMemo } from "react";
import { type CountryShape, UKRAINE_NUMERIC } from "../api/get-country-shapes";
import { pointColour } from "./colour-scheme";
import { partneredOnTop } from "./draw-order";
import { UKRAINE_EXTENT } from "./extents";
import { MAP_HEIGHT, MAP_WIDTH, MapCanvas, type MapShape, type PlacedDot } from "./map-canvas";

const PAD = 24;

interface Props {
  points: readonly MunicipalitySummary[];
  /** Country outlines, or null when they could not be loaded (the dots are drawn on a graticule). */
  countries: readonly CountryShape[] | null;
  label: string;
  onSelect: (id: string) => void;
  pointTitle: (m: MunicipalitySummary) => string;
  highlightId?: string | null | undefined;
}

const colour = (m: MunicipalitySummary) => pointColour(m, "partnership");

/**
 * Europe's partner municipalities over the country outlines, in Lambert azimuthal equal-area
 * centred on Europe (the projection of the EU's ETRS89-LAEA grid). The view fits every partner
 * and Ukraine, so whichever countries the catalogue holds, their partners' side is in the picture.
 */
export function EuropeMap({ points, countries, label, onSelect, pointTitle, highlightId }: Props) {
  const drawing = useMemo(() => {
    const corners = [
      ...UKRAINE_EXTENT,
      ...points.flatMap((m) => (m.centre ? [[m.centre.lon, m.centre.lat]] : [])),
    ];
    const projection = geoAzimuthalEqualArea()
      .rotate([-10, -52])
      .clipAngle(90)
      .fitExtent(
        [
          [PAD, PAD],
          [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
        ],
        { type: "MultiPoint", coordinates: corners } as GeoPermissibleObjects,
      )
      // Set after the fit (fitting ignores it): outlines are cut at the frame, not drawn beyond it.
      .clipExtent([
        [0, 0],
        [MAP_WIDTH, MAP_HEIGHT],
      ]);
    const path = geoPath(projection);
    const shapes: MapShape[] = countries
      ? countries.map((c, i) => ({
          key: c.id || `country-${i}`,
          d: path(c.geometry) ?? "",
          className: c.id === UKRAINE_NUMERIC ? "map-country map-country--ukraine" : "map-country",
        }))
      : [
          {
            key: "graticule",
            d: path(geoGraticule().step([10, 5])()) ?? "",
            className: "map-graticule",
          },
        ];
    const dots: PlacedDot[] = points.flatMap((m) => {
      if (!m.centre) return [];
      const xy = projection([m.centre.lon, m.centre.lat]);
      return xy ? [{ m, x: xy[0], y: xy[1] }] : [];
    });
    return { shapes: shapes.filter((s) => s.d), dots: partneredOnTop(dots) };
  }, [points, countries]);

  // For bench and e2e checks: the moment every partner dot is in the DOM.
  useEffect(() => {
    if (drawing.dots.length > 0)
      performance.mark("map:europe-drawn", { detail: drawing.dots.length });
  }, [drawing]);

  return (
    <MapCanvas
      label={label}
      shapes={drawing.shapes}
      dots={drawing.dots}
      colour={colour}
      pointTitle={pointTitle}
      onSelect={onSelect}
      highlightId={highlightId}
    />
  );
}
