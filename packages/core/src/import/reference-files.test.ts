import { beforeAll, describe, expect, it } from "vitest";
import { Municipality } from "../model/municipality";
import { needsReview, Tie } from "../model/tie";
import { REFERENCE_ATTRIBUTION } from "./attribution";
import { importReferenceFiles, type ReferenceImport } from "./reference";
import { readReference, readReferenceFolder, referenceColumn } from "./reference-dir.test-helpers";

const sum = (values: readonly (number | undefined)[]) =>
  values.reduce<number>((s, v) => s + (v ?? 0), 0);

// Imports the reference catalogue shipped in @pobratym/reference-data and checks that nothing is lost.
describe("importReferenceFiles on the reference data package", () => {
  let result: ReferenceImport;
  beforeAll(() => {
    result = importReferenceFiles(readReferenceFolder());
  });
  const ofCountry = (country: string) => result.municipalities.filter((m) => m.country === country);

  it("loads every row of every file without errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.counts.byCountry).toEqual({ UA: 1470, SE: 290, NO: 357 });
    expect(result.counts.ignored.sort()).toEqual([
      "SOURCES.md",
      "ua-oblasts.csv",
      "ua-oblasts.topo.json",
    ]);
  });

  it("loads 1,469 hromadas and Kyiv with the files' population sum", () => {
    const uaRows = ofCountry("UA");
    expect(uaRows.filter((m) => m.officialCode === "UA80000000000093317")).toHaveLength(1);
    expect(sum(uaRows.map((m) => m.population))).toBe(41_167_335);
    expect(new Set(uaRows.map((m) => m.id)).size).toBe(1470);
  });

  it("keeps Sweden's and Norway's population sums", () => {
    expect(sum(ofCountry("SE").map((m) => m.population))).toBe(10_587_710);
    const noSum = sum(referenceColumn("no-kommuner.csv", "population").map(Number));
    expect(sum(ofCountry("NO").map((m) => m.population))).toBe(noSum);
    expect(noSum).toBe(5_627_400);
  });

  it("gives plausible situations", () => {
    const counts: Record<string, number> = {};
    for (const m of result.municipalities) {
      if (m.kind === "hromada")
        counts[m.situation.category] = (counts[m.situation.category] ?? 0) + 1;
    }
    // 1,469 listed hromadas: most are rear; 31 were occupied before 2022.
    expect(Object.keys(counts).sort()).toEqual(["deoccupied", "frontline", "occupied", "rear"]);
    expect(counts.rear).toBeGreaterThan(1000);
    expect(counts.occupied).toBeGreaterThanOrEqual(31);
    const kherson = result.municipalities.find((m) => m.officialCode === "UA65100150000057191");
    expect(kherson?.kind === "hromada" && kherson.situation.category).toBe("deoccupied");
    const lviv = result.municipalities.find((m) => m.names.aliases?.includes("Lviv"));
    expect(lviv?.kind === "hromada" && lviv.situation.category).toBe("rear");
    const before = result.municipalities.filter(
      (m) => m.kind === "hromada" && m.situation.occupiedBefore2022,
    );
    expect(before).toHaveLength(31);
    expect(before.every((m) => m.kind === "hromada" && m.situation.category === "occupied")).toBe(
      true,
    );
  });

  it("produces records every schema accepts", () => {
    for (const m of result.municipalities) expect(Municipality.safeParse(m).success).toBe(true);
    for (const t of result.ties) expect(Tie.safeParse(t).success).toBe(true);
  });

  it("finds twin-town ties, including ties to Russia and Belarus to review", () => {
    const ids = new Set(result.municipalities.map((m) => m.id));
    expect(result.ties.length).toBeGreaterThan(1500);
    expect(result.ties.every((t) => ids.has(t.municipalityId))).toBe(true);
    expect(new Set(result.ties.map((t) => t.id)).size).toBe(result.ties.length);
    const review = result.ties.filter(needsReview);
    expect(new Set(review.map((t) => t.foreignCountry))).toEqual(new Set(["RU", "BY"]));
    expect(new Set(review.map((t) => t.municipalityId.slice(0, 2)))).toEqual(
      new Set(["ua", "se", "no"]),
    );
    // The list states Harstad–Umeå from the Norwegian side only; Umeå must get the tie too.
    const umea = result.ties
      .filter((t) => t.municipalityId === "se-2480")
      .map((t) => t.foreignTown);
    expect(umea).toContain("Harstad");
  });

  it("reports unresolved names as warnings, never as errors", () => {
    const codes = new Set(result.warnings.map((w) => w.code));
    expect(
      [...codes].every((c) =>
        ["unresolved-town", "ambiguous-town", "unknown-country", "missing-status"].includes(c),
      ),
    ).toBe(true);
    // Only Kyiv city is absent from the 2022 hromada list.
    expect(result.warnings.filter((w) => w.code === "missing-status")).toHaveLength(1);
  });
});

describe("REFERENCE_ATTRIBUTION", () => {
  it("repeats the attribution line of SOURCES.md word for word", () => {
    const quoted = readReference("SOURCES.md")
      .split("\n")
      .filter((l) => l.startsWith("> "))
      .map((l) => l.slice(2))
      .join(" ");
    expect(REFERENCE_ATTRIBUTION).toBe(quoted.replace(/\s+/g, " ").trim());
  });
});
