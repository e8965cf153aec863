import type { MunicipalitySummary } from "@pobratym/core";
import { type GeoPermissibleObjects, geoConicConformal, geoGraticule, geoPath } from "d3-geo";
import { useEffect, useMemo } from "react";
import type { OblastShape } from "../api/get-oblast-shapes";
import { type ColourMode, pointColour } from "./colour-scheme";
import { UKRAINE_EXTENT } from "./extents";
import { MAP_HEIGHT, MAP_WIDTH, MapCanvas, type MapShape, type PlacedDot } from "./map-canvas";

const PAD = 12;

interface Props {
  points: readonly MunicipalitySummary[];
  shapes: readonly OblastShape[] | null;
  mode: ColourMode;
  label: string;
  onSelect: (id: string) => void;
  pointTitle: (m: MunicipalitySummary) => string;
  /** The ISO code of the oblast chosen in the list, drawn with a heavier outline. */
  selectedIso?: string | undefined;
  highlightId?: string | null | undefined;
}

/**
 * Ukraine drawn with d3-geo: oblast outlines when available, else a graticule, and one dot per
 * hromada centre.
 */
export function HromadaMap({
  points,
  shapes,
  mode,
  label,
  onSelect,
  pointTitle,
  selectedIso,
  highlightId,
}: Props) {
  const drawing = useMemo(() => {
    const graticule = geoGraticule().extent(UKRAINE_EXTENT).step([2, 1]);
    const fitTo: GeoPermissibleObjects = shapes
      ? ({
          type: "FeatureCollection",
          features: shapes.map((s) => s.geometry),
        } as GeoPermissibleObjects)
      : graticule.outline();
    // Conformal conic with standard parallels across Ukraine keeps shapes and directions familiar.
    const projection = geoConicConformal()
      .parallels([45, 51])
      .rotate([-31, 0])
      .fitExtent(
        [
          [PAD, PAD],
          [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
        ],
        fitTo,
      );
    const path = geoPath(projection);
    const dots: PlacedDot[] = points.flatMap((m) => {
      if (!m.centre) return [];
      const xy = projection([m.centre.lon, m.centre.lat]);
      return xy ? [{ m, x: xy[0], y: xy[1] }] : [];
    });
    return {
      oblasts:
        shapes?.map((s, i) => ({
          key: s.iso ?? String(i),
          iso: s.iso,
          d: path(s.geometry) ?? "",
        })) ?? null,
      graticule: shapes ? null : (path(graticule()) ?? ""),
      outline: shapes ? null : (path(graticule.outline()) ?? ""),
      dots,
    };
  }, [points, shapes]);

  const outlines = useMemo((): MapShape[] => {
    if (!drawing.oblasts) {
      return [
        { key: "graticule", className: "map-graticule", d: drawing.graticule ?? "" },
        { key: "outline", className: "map-outline", d: drawing.outline ?? "" },
      ];
    }
    const oblasts = drawing.oblasts.map((o) => ({ key: o.key, d: o.d, className: "map-oblast" }));
    // The chosen oblast goes last, so its heavier outline is not painted over by its neighbours'.
    const chosen = drawing.oblasts.find((o) => selectedIso && o.iso === selectedIso);
    return chosen
      ? [
          ...oblasts.filter((o) => o.key !== chosen.key),
          { key: chosen.key, d: chosen.d, className: "map-oblast map-oblast--selected" },
        ]
      : oblasts;
  }, [drawing, selectedIso]);

  const colour = useMemo(() => (m: MunicipalitySummary) => pointColour(m, mode), [mode]);

  // For bench/perf.ts: the moment every dot is in the DOM.
  useEffect(() => {
    if (drawing.dots.length > 0) performance.mark("map:drawn", { detail: drawing.dots.length });
  }, [drawing]);

  return (
    <MapCanvas
      label={label}
      shapes={outlines}
      dots={drawing.dots}
      colour={colour}
      pointTitle={pointTitle}
      onSelect={onSelect}
      highlightId={highlightId}
    />
  );
}
