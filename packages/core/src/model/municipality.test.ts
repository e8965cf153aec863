import { describe, expect, it } from "vitest";
import { hromadaInput, partnerInput } from "./fixtures.test-helpers";
import {
  Hromada,
  Municipality,
  municipalityId,
  officialCodeProblem,
  Partner,
} from "./municipality";

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((i) => i.path.join(".")) ?? [];
}

describe("Municipality", () => {
  it.each(["202E", "202A", "2066", "2069", "200E", "200F", "061C"])(
    "rejects a name holding the bidirectional control U+%s",
    (hex) => {
      const mark = String.fromCodePoint(Number.parseInt(hex, 16));
      const r = Partner.safeParse(partnerInput({ names: { local: `Kar${mark}lskrona` } }));
      expect(r.success).toBe(false);
      expect(issuePaths(r)).toEqual(["names.local"]);
    },
  );

  it("keeps right-to-left and Cyrillic letters in names", () => {
    const r = Partner.safeParse(partnerInput({ names: { local: "Київ שלום مرحبا" } }));
    expect(r.success).toBe(true);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "rejects the country %j as an unknown code instead of throwing",
    (country) => {
      const r = Partner.safeParse(partnerInput({ country }));
      expect(r.success).toBe(false);
      expect(issuePaths(r)).toEqual(["country"]);
      expect(officialCodeProblem(country, "1234")).toBeNull();
    },
  );

  it("accepts a hromada and applies defaults", () => {
    const h = Hromada.parse(hromadaInput());
    expect(h.status).toBe("published");
    expect(h.contacts).toEqual([]);
    expect(h.situation.occupiedBefore2022).toBe(false);
    expect(h.preferences.countries).toEqual([]);
  });

  it("accepts a partner and tells kinds apart by `kind`", () => {
    const m = Municipality.parse(partnerInput());
    expect(m.kind).toBe("partner");
    if (m.kind === "partner") expect(m.capacity).toBe(2);
  });

  it("accepts a rear hromada with the number of displaced people hosted", () => {
    const h = Hromada.parse(
      hromadaInput({
        situation: { category: "rear", displacedHosted: 20_000, occupiedBefore2022: false },
      }),
    );
    expect(h.situation.displacedHosted).toBe(20_000);
  });

  it.each([
    ["a KATOTTG code of the wrong length", { officialCode: "UA6510015" }, "officialCode"],
    ["a negative population", { population: -5 }, "population"],
    ["a fractional population", { population: 10.5 }, "population"],
    ["a latitude off the globe", { centre: { lat: 91, lon: 30 } }, "centre.lat"],
    [
      "an unknown situation",
      { situation: { category: "calm", occupiedBefore2022: false } },
      "situation.category",
    ],
    ["an unknown field", { mayor: "X" }, ""],
    ["an empty local name", { names: { local: "   " } }, "names.local"],
    ["a bad region ISO code", { region: { code: "x", name: "y", iso: "Kherson" } }, "region.iso"],
    ["a country other than UA", { country: "PL" }, "country"],
    [
      "negative displaced people",
      { situation: { category: "rear", displacedHosted: -1 } },
      "situation.displacedHosted",
    ],
  ])("rejects a hromada with %s", (_label, overrides, path) => {
    const result = Hromada.safeParse({ ...hromadaInput(), ...overrides });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain(path);
  });

  it.each([
    ["a Ukrainian country", { country: "UA", officialCode: "UA65100150000080328" }, "country"],
    ["a five-digit Swedish code", { officialCode: "24801" }, "officialCode"],
    ["an unassigned country code", { country: "XX" }, "country"],
    ["a lower-case country code", { country: "se" }, "country"],
    ["a capacity of -1", { capacity: -1 }, "capacity"],
    ["a capacity that is not whole", { capacity: 1.5 }, "capacity"],
    [
      "a working language that is not ISO 639-1",
      { workingLanguages: ["swedish"] },
      "workingLanguages.0",
    ],
    [
      "a preferred oblast that is not an ISO code",
      { preferences: { regions: ["Kharkiv"] } },
      "preferences.regions.0",
    ],
    [
      "a size preference with min above max",
      { preferences: { size: { min: 10, max: 5 } } },
      "preferences.size.min",
    ],
    ["a javascript: website", { website: "javascript:alert(1)" }, "website"],
    [
      "a contact with a bad e-mail",
      { contacts: [{ name: "A", email: "not-mail" }] },
      "contacts.0.email",
    ],
  ])("rejects a partner with %s", (_label, overrides, path) => {
    const result = Partner.safeParse({ ...partnerInput(), ...overrides });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain(path);
  });

  it("checks official codes per country", () => {
    expect(officialCodeProblem("UA", "UA65100150000080328")).toBeNull();
    expect(officialCodeProblem("NO", "0301")).toBeNull();
    expect(officialCodeProblem("SE", "0114")).toBeNull();
    expect(officialCodeProblem("DE", "09162000")).toBeNull();
    expect(officialCodeProblem("NO", "301")).toMatch(/kommunenummer/);
    expect(officialCodeProblem("DE", "a b")).not.toBeNull();
  });

  it("derives a stable id from country and official code", () => {
    expect(municipalityId("SE", "0780")).toBe("se-0780");
    expect(municipalityId("UA", "UA65100150000080328")).toBe("ua-UA65100150000080328");
  });
});
