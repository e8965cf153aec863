import { describe, expect, it } from "vitest";
import {
  EMPTY_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  hasAnyFilter,
} from "./catalogue-filters";

describe("catalogue filters in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const filters = {
      q: "Кривий Ріг",
      kind: "hromada",
      country: "UA",
      region: "UA-12",
      situation: "rear",
      area: "water-sanitation",
      hasPartner: "false",
      minPopulation: "1000",
      maxPopulation: "700000",
    };
    expect(
      filtersFromSearchParams(new URLSearchParams(filtersToSearchParams(filters).toString())),
    ).toEqual(filters);
  });

  it("leaves empty filters out of the URL", () => {
    expect(filtersToSearchParams({ ...EMPTY_FILTERS, q: " ", kind: "partner" }).toString()).toBe(
      "kind=partner",
    );
  });

  it("ignores parameters it does not know", () => {
    expect(filtersFromSearchParams(new URLSearchParams("utm_source=mail&q=Lviv"))).toEqual({
      ...EMPTY_FILTERS,
      q: "Lviv",
    });
  });

  it("tells whether anything is set", () => {
    expect(hasAnyFilter(EMPTY_FILTERS)).toBe(false);
    expect(hasAnyFilter({ ...EMPTY_FILTERS, hasPartner: "true" })).toBe(true);
  });
});
