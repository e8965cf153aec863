import {
  type GeoPermissibleObjects,
  type GeoProjection,
  geoConicConformal,
  geoGraticule,
  geoPath,
} from "d3-geo";
import type { OblastShape } from "../api/get-oblast-shapes";
import { UKRAINE_EXTENT } from "./extents";
import { MAP_HEIGHT, MAP_WIDTH } from "./map-canvas";

const PAD = 12;

/** The Ukraine map without its dots: the projection, and the outlines already drawn as paths. */
export interface UkraineFrame {
  projection: GeoProjection;
  /** One path per oblast, or null when there are no shapes (the graticule stands in). */
  oblasts: { key: string; iso: string | undefined; d: string }[] | null;
  graticule: string | null;
  outline: string | null;
}

const frames = new WeakMap<readonly OblastShape[], UkraineFrame>();
let graticuleFrame: UkraineFrame | undefined;

/**
 * Fits the projection to the oblast outlines (or to Ukraine's extent without them) and draws the
 * outlines. This is the costly part of the map (20,000 vertices, twice: once to fit, once to draw)
 * and it does not depend on the hromadas, so the view calls it as soon as the outlines arrive
 * (often while the far larger hromada list is still downloading), and the result is kept for as
 * long as the outlines are: switching tabs and back does not redo it.
 */
export function ukraineFrame(shapes: readonly OblastShape[] | null): UkraineFrame {
  const cached = shapes ? frames.get(shapes) : graticuleFrame;
  if (cached) return cached;
  const frame = drawFrame(shapes);
  if (shapes) frames.set(shapes, frame);
  else graticuleFrame = frame;
  return frame;
}

function drawFrame(shapes: readonly OblastShape[] | null): UkraineFrame {
  const graticule = geoGraticule().extent(UKRAINE_EXTENT).step([2, 1]);
  const fitTo: GeoPermissibleObjects = shapes
    ? ({
        type: "FeatureCollection",
        features: shapes.map((s) => s.geometry),
      } as GeoPermissibleObjects)
    : graticule.outline();
  // Conformal conic with standard parallels across Ukraine keeps shapes and directions familiar.
  // The outlines' vertices lie a few hundred metres apart and nothing here nears the antimeridian,
  // so d3's adaptive resampling would add no vertex and its antimeridian clipping would cut
  // nothing (both checked on the reference shapes: the same vertices, to the last digit). Both are
  // switched off: they were most of the cost of drawing the outlines.
  const projection = geoConicConformal()
    .parallels([45, 51])
    .rotate([-31, 0])
    .precision(0)
    .preclip((stream) => stream)
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      fitTo,
    );
  // A tenth of a pixel is finer than the map is ever shown; fewer digits, less path text to parse.
  const path = geoPath(projection).digits(1);
  return {
    projection,
    oblasts:
      shapes?.map((s, i) => ({
        key: s.iso ?? String(i),
        iso: s.iso,
        d: path(s.geometry) ?? "",
      })) ?? null,
    graticule: shapes ? null : (path(graticule()) ?? ""),
    outline: shapes ? null : (path(graticule.outline()) ?? ""),
  };
}
