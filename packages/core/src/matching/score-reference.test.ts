import { beforeAll, describe, expect, it } from "vitest";
import { importReferenceFiles } from "../import/reference";
import { readReferenceFolder } from "../import/reference-dir.test-helpers";
import type { Hromada, Partner } from "../model/municipality";
import { need, offer } from "./fixtures.test-helpers";
import type { HromadaProfile, PartnerProfile } from "./profiles";
import { compileScorer } from "./score";
import { suggestPartners } from "./suggest";

describe("scoring the real reference catalogue", () => {
  let hromadas: HromadaProfile[] = [];
  let partners: PartnerProfile[] = [];
  beforeAll(() => {
    const imported = importReferenceFiles(readReferenceFolder());
    const muni = imported.municipalities;
    hromadas = muni
      .filter((m): m is Hromada => m.kind === "hromada")
      .map((m, i) => ({
        municipality: m,
        needs: [need(i % 2 ? "water-sanitation" : "displaced-integration", "high")],
        partnershipCount: 0,
      }));
    partners = muni
      .filter(
        (m): m is Partner => m.kind === "partner" && (m.country === "SE" || m.country === "NO"),
      )
      .map((m, j) => ({
        municipality: m,
        offers: [offer(j % 3 ? "water-sanitation" : "displaced-integration", "expert")],
        ties: imported.ties.filter((t) => t.municipalityId === m.id),
        partnershipCount: 0,
      }));
  });

  it("prepares every imported municipality and scores every pair within [0, 100]", () => {
    expect(hromadas.length).toBe(1470);
    expect(partners.length).toBe(647);
    const scorer = compileScorer({ policy: { excludeReviewCountryTies: true } });
    const batch = scorer.batchPartners(
      partners.map((p, j) => scorer.preparePartner(p, `partners[${j}]`)),
    );
    const out = new Float64Array(batch.size);
    let excluded = 0;
    let max = 0;
    hromadas.forEach((h, i) => {
      scorer.scoreBatch(scorer.prepareHromada(h, `hromadas[${i}]`), batch, out);
      for (const s of out) {
        if (s < 0) excluded++;
        else max = Math.max(max, s);
      }
    });
    expect(max).toBeLessThanOrEqual(100);
    expect(max).toBeGreaterThan(50);
    // Partners with an active tie to a Russian or Belarusian town are excluded under the policy.
    expect(excluded % hromadas.length).toBe(0);
  });

  it("suggests water partners to a frontline hromada that needs water", () => {
    const frontline = hromadas.find(
      (h) =>
        h.municipality.situation.category === "frontline" &&
        h.needs[0]?.area === "water-sanitation",
    );
    expect(frontline).toBeDefined();
    if (!frontline) return;
    const top = suggestPartners(frontline, partners, 5);
    expect(top).toHaveLength(5);
    for (const s of top) {
      expect(s.components.find((c) => c.code === "situation-fit")?.data).toMatchObject({
        basis: "rebuilding",
      });
    }
  });
});
