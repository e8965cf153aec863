import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  arbPartner,
  hostingHromada,
  hromada,
  need,
  norwegianIntegrator,
  offer,
  partner,
  swedishWaterWorks,
  warZoneHromada,
} from "./fixtures.test-helpers";
import { scorePair } from "./score";
import { suggestPartners, TopK } from "./suggest";

const ids = (list: { candidate: { municipality: { id: string } } }[]) =>
  list.map((s) => s.candidate.municipality.id);

// Cases about ranking itself, thematic fit or not: exploratory pairs allowed.
const EXPLORE = { policy: { requireThematicFit: false } } as const;

describe("suggestPartners", () => {
  const excludedPartner = partner("se-opted-out", {
    optOut: true,
    offers: [offer("water-sanitation", "expert")],
  });
  const partners = [norwegianIntegrator, excludedPartner, swedishWaterWorks];

  it.each([
    {
      name: "the war-zone hromada",
      subject: warZoneHromada,
      expected: ["se-water-admin", "no-small-integration"],
    },
    {
      name: "the hosting hromada",
      subject: hostingHromada,
      expected: ["no-small-integration", "se-water-admin"],
    },
  ])("ranks partners for $name and leaves excluded ones out", ({ subject, expected }) => {
    expect(ids(suggestPartners(subject, partners, 5, EXPLORE))).toEqual(expected);
  });

  it("suggests hromadas to a partner, best first, with the same scores as scorePair", () => {
    const result = suggestPartners(
      norwegianIntegrator,
      [warZoneHromada, hostingHromada],
      2,
      EXPLORE,
    );
    expect(ids(result)).toEqual(["ua-rear-hosting", "ua-frontline-water"]);
    const direct = scorePair(hostingHromada, norwegianIntegrator);
    expect(result[0]?.score).toBe(direct.excluded ? Number.NaN : direct.score);
    expect(result[0]?.components.map((c) => c.code)).toEqual([
      "thematic-fit",
      "situation-fit",
      "size",
      "language",
      "preference",
      "fairness",
    ]);
  });

  it("keeps only the top k and honours minScore", () => {
    expect(ids(suggestPartners(warZoneHromada, partners, 1))).toEqual(["se-water-admin"]);
    expect(suggestPartners(warZoneHromada, partners, 0)).toEqual([]);
    expect(ids(suggestPartners(warZoneHromada, partners, 5, { minScore: 50 }))).toEqual([
      "se-water-admin",
    ]);
  });

  it("breaks ties by id whatever the input order", () => {
    const clones = ["se-c", "se-a", "se-b"].map((id) => partner(id));
    expect(ids(suggestPartners(hromada("h"), clones, 2, EXPLORE))).toEqual(["se-a", "se-b"]);
    expect(ids(suggestPartners(hromada("h"), [...clones].reverse(), 2, EXPLORE))).toEqual([
      "se-a",
      "se-b",
    ]);
  });

  it("gives the same output for any order of the same candidates", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbPartner, { selector: (p) => p.municipality.id, maxLength: 3 }),
        fc.nat(3),
        (list, k) => {
          const a = suggestPartners(hostingHromada, list, k);
          const b = suggestPartners(hostingHromada, [...list].reverse(), k);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it.each([
    { name: "a negative k", run: () => suggestPartners(hostingHromada, partners, -1), field: "k" },
    {
      name: "a fractional k",
      run: () => suggestPartners(hostingHromada, partners, 1.5),
      field: "k",
    },
    {
      name: "a NaN weight",
      run: () =>
        suggestPartners(hostingHromada, partners, 3, { weights: { fairness: Number.NaN } }),
      field: "weights.fairness",
    },
    {
      name: "a bad candidate",
      run: () => suggestPartners(hostingHromada, [partner("p", { capacity: -2 })], 3),
      field: "candidates[0].municipality.capacity",
    },
    {
      name: "a bad subject",
      run: () =>
        suggestPartners(
          hromada("h", { needs: [{ ...offer("health"), area: "x" } as never] }),
          partners,
          3,
        ),
      field: "subject.needs[0].area",
    },
  ])("rejects $name naming $field", ({ run, field }) => {
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (e) {
      expect((e as InvalidInputError).field).toBe(field);
    }
  });
});

describe("suggestPartners: floor and decisive components", () => {
  it("suggests no partner without thematic fit by default, and marks exploratory ones", () => {
    const partners = [norwegianIntegrator, swedishWaterWorks];
    expect(ids(suggestPartners(warZoneHromada, partners, 5))).toEqual(["se-water-admin"]);
    const open = suggestPartners(warZoneHromada, partners, 5, EXPLORE);
    expect(open.map((s) => s.exploratory)).toEqual([false, true]);
  });

  it("marks a component decisive exactly when removing it changes the candidate's place", () => {
    const h = hromada("h", { needs: [need("education", "high"), need("health", "high")] });
    const a = partner("se-a", { offers: [offer("education", "expert"), offer("health", "basic")] });
    const b = partner("se-b", { offers: [offer("education", "expert")] });
    const list = suggestPartners(h, [a, b], 5);
    expect(ids(list)).toEqual(["se-a", "se-b"]);
    const first = list[0];
    const second = list[1];
    if (!first || !second) throw new Error("expected two suggestions");
    for (const c of first.components) {
      expect(c.decisive).toBe(c.contribution > 0 && first.score - c.contribution < second.score);
    }
    expect(first.components.find((c) => c.code === "thematic-fit")?.decisive).toBe(true);
    // Preferences nobody stated add nothing, so they never decide a place.
    expect(first.components.find((c) => c.code === "preference")?.decisive).toBe(false);
    // The last one has nobody behind it: nothing can move it down.
    expect(second.components.every((c) => !c.decisive)).toBe(true);
  });
});

describe("TopK", () => {
  it("keeps the k best entries, ties to the smaller index, as a full sort would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.nat(10),
        (scores, k) => {
          const top = new TopK(k);
          const order = scores.map((_, i) => i).sort((a, b) => a - b);
          // offer in a scrambled order to exercise the tie-break
          for (const i of [...order].reverse()) top.push(scores[i] as number, i);
          const expected = scores
            .map((score, index) => ({ score, index }))
            .sort((a, b) => b.score - a.score || a.index - b.index)
            .slice(0, k);
          expect(top.sorted()).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
