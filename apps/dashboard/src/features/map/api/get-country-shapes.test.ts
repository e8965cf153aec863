import { type GeoPermissibleObjects, geoContains } from "d3-geo";
import { describe, expect, it } from "vitest";
import { getCountryShapes, overlapsEurope, UKRAINE_NUMERIC } from "./get-country-shapes";

const box = (west: number, south: number, east: number, north: number): GeoPermissibleObjects => ({
  type: "LineString",
  coordinates: [
    [west, south],
    [east, north],
  ],
});

describe("overlapsEurope", () => {
  it.each([
    ["Sweden", box(11, 55, 24, 69), true],
    ["Brazil", box(-74, -34, -35, 5), false],
    ["South Africa", box(16, -35, 33, -22), false],
    ["Japan", box(129, 31, 146, 45), false],
    ["Iceland", box(-24, 63, -13, 67), true],
  ])("%s: %s", (_name, shape, expected) => {
    expect(overlapsEurope(shape)).toBe(expected);
  });

  it("tells Russia (wraps the antimeridian, reaches Europe) from Alaska's Aleutians (wraps, does not)", () => {
    const wrapped = (west: number, east: number, lat: number): GeoPermissibleObjects => ({
      type: "MultiLineString",
      coordinates: [
        [
          [west, lat],
          [179.9, lat],
        ],
        [
          [-179.9, lat],
          [east, lat],
        ],
      ],
    });
    expect(overlapsEurope(wrapped(27, -169, 60))).toBe(true);
    expect(overlapsEurope(wrapped(172, -130, 55))).toBe(false);
  });
});

describe("getCountryShapes", () => {
  it("loads Europe's outlines from world-atlas, Ukraine, Sweden and Norway among them", async () => {
    const shapes = await getCountryShapes();
    const ids = new Set(shapes.map((s) => s.id));
    for (const id of [UKRAINE_NUMERIC, "752", "578", "246", "643"]) expect(ids).toContain(id);
    // The Americas, Australia and East Asia stay out of the Europe view.
    for (const id of ["076", "036", "392", "840"]) expect(ids).not.toContain(id);
    expect(shapes.find((s) => s.id === "578")?.name).toBe("Norway");
  });
});

describe("Crimea", () => {
  it("is drawn as part of Ukraine, not of Russia", async () => {
    const shapes = await getCountryShapes();
    const geometry = (id: string) => {
      const shape = shapes.find((s) => s.id === id);
      if (!shape) throw new Error(`no country ${id}`);
      return shape.geometry;
    };
    const simferopol: [number, number] = [34.1, 44.95];
    const sevastopol: [number, number] = [33.52, 44.6];
    for (const place of [simferopol, sevastopol]) {
      expect(geoContains(geometry(UKRAINE_NUMERIC), place)).toBe(true);
      expect(geoContains(geometry("643"), place)).toBe(false);
    }
    expect(geoContains(geometry(UKRAINE_NUMERIC), [30.52, 50.45])).toBe(true); // Kyiv
    expect(geoContains(geometry("643"), [37.62, 55.75])).toBe(true); // Moscow
    expect(geoContains(geometry("643"), [20.5, 54.7])).toBe(true); // Kaliningrad
  });
});
