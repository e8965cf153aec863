import type { MunicipalitySummary } from "@pobratym/core";
import { type GeoPermissibleObjects, geoConicConformal, geoGraticule, geoPath } from "d3-geo";
import { useEffect, useMemo } from "react";
import type { OblastShape } from "../api/get-oblast-shapes";
import { type ColourMode, pointColour } from "./colour-scheme";

const WIDTH = 960;
const HEIGHT = 640;
const PAD = 12;
// Ukraine's extent (lon, lat), for the graticule and the fit when no oblast shapes are available.
const EXTENT: [[number, number], [number, number]] = [
  [22, 44.3],
  [40.3, 52.4],
];

interface Props {
  points: readonly MunicipalitySummary[];
  shapes: readonly OblastShape[] | null;
  mode: ColourMode;
  label: string;
  onSelect: (id: string) => void;
  pointTitle: (m: MunicipalitySummary) => string;
}

/**
 * Ukraine drawn with d3-geo into plain SVG (no tiles, works offline): oblast outlines when
 * available, else a graticule, and one dot per hromada centre. The SVG is one image for assistive
 * technology; its keyboard and screen-reader alternative is the table beside it and the catalogue.
 */
export function HromadaMap({ points, shapes, mode, label, onSelect, pointTitle }: Props) {
  const drawing = useMemo(() => {
    const graticule = geoGraticule().extent(EXTENT).step([2, 1]);
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
          [WIDTH - PAD, HEIGHT - PAD],
        ],
        fitTo,
      );
    const path = geoPath(projection);
    const dots = points.flatMap((m) => {
      if (!m.centre) return [];
      const xy = projection([m.centre.lon, m.centre.lat]);
      return xy ? [{ m, x: xy[0], y: xy[1] }] : [];
    });
    return {
      oblasts:
        shapes?.map((s, i) => ({ key: s.iso ?? String(i), d: path(s.geometry) ?? "" })) ?? null,
      graticule: shapes ? null : (path(graticule()) ?? ""),
      outline: shapes ? null : (path(graticule.outline()) ?? ""),
      dots,
    };
  }, [points, shapes]);

  // For bench/perf.ts: the moment every dot is in the DOM.
  useEffect(() => {
    if (drawing.dots.length > 0) performance.mark("map:drawn", { detail: drawing.dots.length });
  }, [drawing]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: pointer shortcut only; the table and the catalogue give keyboard access to every profile.
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      onClick={(event) => {
        const id = (event.target as Element).getAttribute("data-id");
        if (id) onSelect(id);
      }}
    >
      {drawing.graticule ? <path className="map-graticule" d={drawing.graticule} /> : null}
      {drawing.outline ? <path className="map-outline" d={drawing.outline} /> : null}
      {drawing.oblasts?.map((o) => (
        <path key={o.key} className="map-oblast" d={o.d} />
      ))}
      <g>
        {drawing.dots.map(({ m, x, y }) => (
          <circle
            key={m.id}
            className="map-point"
            data-id={m.id}
            cx={x.toFixed(1)}
            cy={y.toFixed(1)}
            r={m.population !== undefined && m.population > 100_000 ? 5 : 3.2}
            fill={pointColour(m, mode)}
          >
            <title>{pointTitle(m)}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}
