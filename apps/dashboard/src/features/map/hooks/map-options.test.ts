import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAP_OPTIONS,
  mapOptionsFromSearchParams,
  mapOptionsToSearchParams,
} from "./map-options";

describe("map options in the URL", () => {
  it.each([
    ["", DEFAULT_MAP_OPTIONS],
    ["view=europe", { view: "europe", colour: "situation", region: undefined }],
    [
      "colour=partnership&region=UA-65",
      { view: "ukraine", colour: "partnership", region: "UA-65" },
    ],
    ["view=mars&colour=taste", DEFAULT_MAP_OPTIONS],
    ["region=%3Cscript%3E", DEFAULT_MAP_OPTIONS],
    [`region=${"A".repeat(41)}`, DEFAULT_MAP_OPTIONS],
  ])("reads %j", (query, expected) => {
    expect(mapOptionsFromSearchParams(new URLSearchParams(query))).toEqual(expected);
  });

  it("leaves the defaults out and round-trips the rest", () => {
    expect(mapOptionsToSearchParams(DEFAULT_MAP_OPTIONS).toString()).toBe("");
    const options = { view: "europe", colour: "partnership", region: "SE-AC" } as const;
    const params = mapOptionsToSearchParams(options);
    expect(params.toString()).toBe("view=europe&colour=partnership&region=SE-AC");
    expect(mapOptionsFromSearchParams(params)).toEqual(options);
  });
});
