import { describe, expect, it } from "vitest";
import { countsAsPartnership } from "../model/tie";
import { importReferenceFiles } from "./reference";
import { readReferenceFolder } from "./reference-dir.test-helpers";

describe("twin towns linked to the catalogue", () => {
  const imported = importReferenceFiles(readReferenceFolder());
  const ties = imported.ties ?? [];
  const byId = new Map(imported.municipalities.map((m) => [m.id, m]));

  it("links both ends of a known pair by name and country, with how sure the link is", () => {
    const halmstad = [...byId.values()].find(
      (m) => m.country === "SE" && m.officialCode === "1380",
    );
    const tie = ties.find((t) => t.municipalityId === halmstad?.id && t.foreignCountry === "UA");
    expect(tie?.foreignTown).toMatch(/Nikopol/);
    const linked = tie?.linkedMunicipalityId ? byId.get(tie.linkedMunicipalityId) : undefined;
    expect(linked?.names.latin).toMatch(/^Nikopol/);
    expect(tie?.linkConfidence).toBe("unique-name");
    // Every link says how it was made.
    for (const t of ties) {
      if (t.linkedMunicipalityId)
        expect(["unique-name", "several-candidates"]).toContain(t.linkConfidence);
    }
  });

  it("counts twinned hromadas as having a partner, ties with Russia or Belarus aside", () => {
    const twinned = new Set(
      ties
        .filter((t) => byId.get(t.municipalityId)?.kind === "hromada" && countsAsPartnership(t))
        .map((t) => t.municipalityId),
    );
    expect(twinned.size).toBeGreaterThan(200);
    expect(ties.some((t) => t.foreignCountry === "RU" && countsAsPartnership(t))).toBe(false);
  });
});
