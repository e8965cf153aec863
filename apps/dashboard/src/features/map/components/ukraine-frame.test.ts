import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type GeoPermissibleObjects, geoConicConformal, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import { describe, expect, it } from "vitest";
import type { OblastShape } from "../api/get-oblast-shapes";
import { MAP_HEIGHT, MAP_WIDTH } from "./map-canvas";
import { ukraineFrame } from "./ukraine-frame";

/** The reference oblast outlines, shipped in @pobratym/reference-data. */
// Resolved through the package's exports: jsdom tests see no file: URLs from import.meta.url.
const REFERENCE_TOPOLOGY = createRequire(import.meta.url).resolve(
  "@pobratym/reference-data/ua-oblasts.topo.json",
);

describe("ukraineFrame", () => {
  it("fits and draws the outlines once per set of shapes", () => {
    const square: OblastShape = {
      iso: "UA-65",
      name: "Khersonska",
      // A feature, as getOblastShapes decodes them; clockwise, as d3-geo winds an outer ring.
      geometry: {
        type: "Feature",
        properties: {},
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [32, 46],
              [32, 47],
              [33, 47],
              [33, 46],
              [32, 46],
            ],
          ],
        },
      } as GeoPermissibleObjects,
    };
    const shapes = [square];
    const frame = ukraineFrame(shapes);
    expect(ukraineFrame(shapes)).toBe(frame);
    expect(ukraineFrame([square])).not.toBe(frame);
    expect(frame.oblasts?.map((o) => o.key)).toEqual(["UA-65"]);
    expect(frame.graticule).toBeNull();
    // Fitted to the shapes: the square fills the frame's height.
    const top = frame.projection([32.5, 47]);
    const bottom = frame.projection([32.5, 46]);
    expect(bottom?.[1] ?? 0).toBeGreaterThan(MAP_HEIGHT - 20);
    expect(top?.[1] ?? MAP_HEIGHT).toBeLessThan(20);

    const none = ukraineFrame(null);
    expect(ukraineFrame(null)).toBe(none);
    expect(none.oblasts).toBeNull();
    expect(none.graticule).toMatch(/^M/);
  });

  it("draws the reference oblasts with the same vertices as d3's resampling and clipping would", () => {
    const topology = JSON.parse(readFileSync(REFERENCE_TOPOLOGY, "utf8"));
    const [name] = Object.keys(topology.objects);
    const collection = feature(topology, topology.objects[name as string]) as unknown as {
      features: GeoPermissibleObjects[];
    };
    const shapes: OblastShape[] = collection.features.map((geometry, i) => ({
      iso: String(i),
      name: undefined,
      geometry,
    }));
    const frame = ukraineFrame(shapes);
    // The full treatment: default precision (adaptive resampling) and antimeridian clipping.
    const reference = geoConicConformal()
      .parallels([45, 51])
      .rotate([-31, 0])
      .fitExtent(
        [
          [12, 12],
          [MAP_WIDTH - 12, MAP_HEIGHT - 12],
        ],
        { type: "FeatureCollection", features: collection.features } as GeoPermissibleObjects,
      );
    expect(frame.projection.scale()).toBeCloseTo(reference.scale(), 6);
    expect(frame.projection.translate()[0]).toBeCloseTo(reference.translate()[0], 6);
    expect(frame.projection.translate()[1]).toBeCloseTo(reference.translate()[1], 6);
    const path = geoPath(reference).digits(1);
    expect(frame.oblasts?.map((o) => o.d)).toEqual(shapes.map((s) => path(s.geometry)));
  });
});
