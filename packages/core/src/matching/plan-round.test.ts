import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  arbHromada,
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
import { type PlanRoundOptions, planRound } from "./plan-round";
import type { HromadaProfile, PartnerProfile } from "./profiles";
import { compileScorer } from "./score";

// Only thematic fit counts, so scores are easy to read: 100 × the thematic value.
const THEMATIC_ONLY = { situationFit: 0, size: 0, language: 0, preference: 0, fairness: 0 };

/** Exhaustive optimum over all admissible edge subsets (tiny instances only). */
function bruteForce(
  hs: HromadaProfile[],
  ps: PartnerProfile[],
  options: PlanRoundOptions,
  lexicographic: boolean,
): { objective: number; matched: number } {
  const scorer = compileScorer(options);
  const H = hs.map((h) => scorer.prepareHromada(h));
  const P = ps.map((p) => scorer.preparePartner(p));
  const demand = typeof options.demand === "number" ? options.demand : 1;
  const edges: { u: number; e: number; s: number }[] = [];
  H.forEach((h, u) => {
    P.forEach((p, e) => {
      const s = scorer.score(h, p);
      if (s >= 0 && s >= (options.minScore ?? Number.NEGATIVE_INFINITY)) {
        edges.push({ u, e, s: Math.round(s * 100) });
      }
    });
  });
  let best = { objective: 0, matched: 0 };
  for (let mask = 0; mask < 1 << edges.length; mask++) {
    const useL = new Array(H.length).fill(0);
    const useR = new Array(P.length).fill(0);
    let total = 0;
    let ok = true;
    edges.forEach((x, i) => {
      if (!(mask & (1 << i))) return;
      useL[x.u]++;
      useR[x.e]++;
      total += x.s;
      if (useL[x.u] > demand || useR[x.e] > (P[x.e]?.remainingCapacity ?? 0)) ok = false;
    });
    if (!ok) continue;
    const matched = useL.filter((c) => c > 0).length;
    const better = lexicographic
      ? matched > best.matched || (matched === best.matched && total > best.objective)
      : total > best.objective;
    if (better) best = { objective: total, matched };
  }
  return best;
}

// These cases test the solver over every pair, thematic fit or not: exploratory pairs allowed.
const EXPLORE = { policy: { requireThematicFit: false } } as const;

describe("planRound", () => {
  const catalogue = {
    hromadas: [
      warZoneHromada,
      hostingHromada,
      hromada("ua-small", { population: 4_000, needs: [need("education", "high")] }),
    ],
    partners: [
      swedishWaterWorks,
      norwegianIntegrator,
      partner("se-school", { capacity: 2, offers: [offer("education", "expert")] }),
    ],
  };

  it("pairs each hromada with the partner that fits it, with reasons", () => {
    const plan = planRound(catalogue.hromadas, catalogue.partners, EXPLORE);
    expect(plan.pairs.map((p) => [p.hromadaId, p.partnerId])).toEqual([
      ["ua-frontline-water", "se-water-admin"],
      ["ua-rear-hosting", "no-small-integration"],
      ["ua-small", "se-school"],
    ]);
    expect(plan.unmatched).toEqual([]);
    expect(plan.pruning).toMatchObject({ k: null, certified: true, solves: 1 });
    for (const p of plan.pairs) {
      expect(p.components.find((c) => c.code === "thematic-fit")?.contribution).toBeGreaterThan(0);
      expect(p.integerScore).toBe(Math.round(p.score * 100));
    }
    expect(plan.objective).toBe(plan.pairs.reduce((s, p) => s + p.integerScore, 0));
  });

  it("respects partner capacity and hromada demand", () => {
    const hs = ["a", "b", "c"].map((id) =>
      hromada(`ua-${id}`, { needs: [need("education", "high")] }),
    );
    const plan = planRound(
      hs,
      [partner("se-school", { capacity: 2, offers: [offer("education", "expert")] })],
      { ...EXPLORE, demand: 2 },
    );
    expect(plan.pairs).toHaveLength(2);
    expect(plan.unmatched).toEqual(["ua-c"]);
    const used = partner("se-school", {
      capacity: 2,
      partnershipCount: 1,
      offers: [offer("education")],
    });
    expect(planRound(hs, [used], EXPLORE).pairs).toHaveLength(1);
  });

  it("takes a demand per hromada id, defaulting the others to 1", () => {
    const hs = ["a", "b"].map((id) => hromada(`ua-${id}`, { needs: [need("education", "high")] }));
    const ps = ["x", "y", "z"].map((id) => partner(`se-${id}`, { offers: [offer("education")] }));
    const plan = planRound(hs, ps, { ...EXPLORE, demand: { "ua-a": 2 } });
    expect(plan.pairs.filter((p) => p.hromadaId === "ua-a")).toHaveLength(2);
    expect(plan.pairs.filter((p) => p.hromadaId === "ua-b")).toHaveLength(1);
    expect(() => planRound(hs, ps, { ...EXPLORE, demand: { "ua-nope": 1 } })).toThrow(
      expect.objectContaining({ field: "demand.ua-nope" }),
    );
  });

  it("keeps pinned pairs even when they lower the total", () => {
    const plan = planRound(catalogue.hromadas, catalogue.partners, {
      ...EXPLORE,
      pinned: [{ hromadaId: "ua-frontline-water", partnerId: "no-small-integration" }],
    });
    const pair = plan.pairs.find((p) => p.hromadaId === "ua-frontline-water");
    expect(pair).toMatchObject({ partnerId: "no-small-integration", pinned: true });
    expect(plan.objective).toBeLessThan(
      planRound(catalogue.hromadas, catalogue.partners, EXPLORE).objective,
    );
  });

  it("never proposes a pair that already has a partnership", () => {
    const plan = planRound(catalogue.hromadas, catalogue.partners, {
      ...EXPLORE,
      existingPairs: [{ hromadaId: "ua-rear-hosting", partnerId: "no-small-integration" }],
    });
    expect(
      plan.pairs.some(
        (p) => p.hromadaId === "ua-rear-hosting" && p.partnerId === "no-small-integration",
      ),
    ).toBe(false);
    expect(plan.excludedPairs).toBe(1);
  });

  it("never uses forbidden pairs", () => {
    const plan = planRound(catalogue.hromadas, catalogue.partners, {
      ...EXPLORE,
      forbidden: [{ hromadaId: "ua-rear-hosting", partnerId: "no-small-integration" }],
    });
    expect(
      plan.pairs.some(
        (p) => p.hromadaId === "ua-rear-hosting" && p.partnerId === "no-small-integration",
      ),
    ).toBe(false);
  });

  it("drops pairs below minScore", () => {
    const all = planRound(catalogue.hromadas, catalogue.partners, EXPLORE);
    const floor = Math.min(...all.pairs.map((p) => p.score)) + 0.01;
    const plan = planRound(catalogue.hromadas, catalogue.partners, { ...EXPLORE, minScore: floor });
    expect(plan.pairs.every((p) => p.score >= floor)).toBe(true);
    expect(plan.pairs.length).toBeLessThan(all.pairs.length);
  });

  it("matches more hromadas at some cost in score when maximiseMatched is set", () => {
    // A fits X best (86.7) and Y a little (20); B fits only X (33.3) and refused Y.
    const a = hromada("ua-a", {
      needs: [need("water-sanitation", "critical"), need("education", "low")],
    });
    const b = hromada("ua-b", { needs: [need("education", "high")], excludedIds: ["se-y"] });
    const x = partner("se-x", {
      offers: [offer("water-sanitation", "expert"), offer("education", "basic")],
    });
    const y = partner("se-y", { offers: [offer("education", "expert")] });
    const options = { ...EXPLORE, weights: THEMATIC_ONLY };
    const best = planRound([a, b], [x, y], options);
    expect(best.pairs.map((p) => p.partnerId)).toEqual(["se-x"]);
    expect(best.unmatched).toEqual(["ua-b"]);
    const fair = planRound([a, b], [x, y], { ...EXPLORE, ...options, maximiseMatched: true });
    expect(fair.pairs.map((p) => [p.hromadaId, p.partnerId])).toEqual([
      ["ua-a", "se-y"],
      ["ua-b", "se-x"],
    ]);
    expect(fair.objective).toBeLessThan(best.objective);
  });

  it("reports what stability costs next to the optimum", () => {
    for (const proposing of ["hromadas", "partners"] as const) {
      const plan = planRound(catalogue.hromadas, catalogue.partners, {
        ...EXPLORE,
        mode: "stable",
        proposing,
      });
      expect(plan.mode).toBe("stable");
      expect(plan.stable?.proposing).toBe(proposing);
      expect(plan.stable?.welfare).toBe(plan.objective);
      expect(plan.stable?.cost).toBe((plan.stable?.optimum ?? 0) - (plan.stable?.welfare ?? 0));
      expect(plan.stable?.cost).toBeGreaterThanOrEqual(0);
    }
  });

  it("gives the same plan whatever the input order", () => {
    const a = planRound(catalogue.hromadas, catalogue.partners, EXPLORE);
    const b = planRound(
      [...catalogue.hromadas].reverse(),
      [...catalogue.partners].reverse(),
      EXPLORE,
    );
    expect(b).toEqual(a);
  });

  it.each([
    {
      name: "an excluded pinned pair",
      opts: { pinned: [{ hromadaId: "ua-frontline-water", partnerId: "se-x" }] },
      field: "pinned[0]",
    },
    {
      name: "an unknown pinned hromada",
      opts: { pinned: [{ hromadaId: "nope", partnerId: "se-x" }] },
      field: "pinned[0].hromadaId",
    },
    {
      name: "a pair both pinned and forbidden",
      opts: {
        pinned: [{ hromadaId: "ua-frontline-water", partnerId: "se-water-admin" }],
        forbidden: [{ hromadaId: "ua-frontline-water", partnerId: "se-water-admin" }],
      },
      field: "pinned[0]",
    },
    { name: "a negative demand", opts: { demand: -1 }, field: "demand" },
    { name: "a NaN minScore", opts: { minScore: Number.NaN }, field: "minScore" },
    { name: "a zero candidate count", opts: { candidatesPerSide: 0 }, field: "candidatesPerSide" },
    { name: "an unknown mode", opts: { mode: "greedy" as never }, field: "mode" },
  ])("rejects $name naming $field", ({ opts, field }) => {
    const partners = [swedishWaterWorks, partner("se-x", { optOut: true })];
    const run = () => planRound([warZoneHromada], partners, opts);
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (e) {
      expect((e as InvalidInputError).field).toBe(field);
    }
  });

  it("rejects a negative capacity naming the partner's field", () => {
    expect(() => planRound([warZoneHromada], [partner("se-p", { capacity: -1 })], EXPLORE)).toThrow(
      expect.objectContaining({ field: "partners[0].municipality.capacity" }),
    );
  });

  it("handles empty sides", () => {
    expect(planRound([], [], EXPLORE).pairs).toEqual([]);
    expect(planRound([hromada("h")], [], EXPLORE).unmatched).toEqual(["h"]);
    expect(planRound([], [partner("p")], EXPLORE).pairs).toEqual([]);
    expect(
      planRound([hromada("h")], [partner("p")], {
        ...EXPLORE,
        candidatesPerSide: 3,
        mode: "stable",
      }).pairs,
    ).toHaveLength(1);
  });

  it("rejects duplicate ids", () => {
    expect(() => planRound([warZoneHromada, warZoneHromada], [], EXPLORE)).toThrow(
      expect.objectContaining({ field: "hromadas" }),
    );
  });
});

describe("planRound invariants", () => {
  const instance = fc.record({
    hs: fc.uniqueArray(arbHromada, {
      selector: (h) => h.municipality.id,
      minLength: 1,
      maxLength: 3,
    }),
    ps: fc.uniqueArray(arbPartner, {
      selector: (p) => p.municipality.id,
      minLength: 1,
      maxLength: 3,
    }),
    demand: fc.integer({ min: 1, max: 2 }),
    minScore: fc.constantFrom(undefined, 30),
    maximiseMatched: fc.boolean(),
  });

  it("gives the same stable matching with any candidatesPerSide as over all pairs, and says so", () => {
    const wide = fc.record({
      hs: fc.uniqueArray(arbHromada, { selector: (h) => h.municipality.id, maxLength: 8 }),
      ps: fc.uniqueArray(arbPartner, { selector: (p) => p.municipality.id, maxLength: 8 }),
      demand: fc.integer({ min: 1, max: 2 }),
      k: fc.integer({ min: 1, max: 3 }),
      proposing: fc.constantFrom("hromadas" as const, "partners" as const),
      maximiseMatched: fc.boolean(),
      exploratory: fc.boolean(),
    });
    fc.assert(
      fc.property(wide, ({ hs, ps, demand, k, proposing, maximiseMatched, exploratory }) => {
        const base = {
          demand,
          mode: "stable" as const,
          proposing,
          maximiseMatched,
          ...(exploratory ? EXPLORE : {}),
        };
        const full = planRound(hs, ps, base);
        const pruned = planRound(hs, ps, { ...base, candidatesPerSide: k });
        const pairsOf = (plan: typeof full) => plan.pairs.map((p) => [p.hromadaId, p.partnerId]);
        expect(pairsOf(pruned)).toEqual(pairsOf(full));
        expect(pruned.pruning).toMatchObject({ certified: true, method: "lazy-lists" });
        // Like with like: the stable matching never beats the plain optimum it is compared with.
        if (pruned.stable?.optimumCertified) expect(pruned.stable.cost).toBeGreaterThanOrEqual(0);
        if (full.stable?.optimumCertified) expect(full.stable.cost).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("finds the brute-force optimum on tiny rounds", () => {
    fc.assert(
      fc.property(instance, ({ hs, ps, demand, minScore, maximiseMatched }) => {
        const options = {
          ...EXPLORE,
          demand,
          maximiseMatched,
          ...(minScore === undefined ? {} : { minScore }),
        };
        const plan = planRound(hs, ps, options);
        const best = bruteForce(hs, ps, options, maximiseMatched);
        if (maximiseMatched) expect(plan.matchedHromadas).toBe(best.matched);
        expect(plan.objective).toBe(best.objective);
      }),
      { numRuns: 150 },
    );
  });

  it("reaches the unpruned optimum with pruning, certified by dual prices", () => {
    fc.assert(
      fc.property(
        instance,
        fc.integer({ min: 1, max: 2 }),
        ({ hs, ps, demand, maximiseMatched }, k) => {
          const full = planRound(hs, ps, { ...EXPLORE, demand, maximiseMatched });
          const pruned = planRound(hs, ps, {
            ...EXPLORE,
            demand,
            maximiseMatched,
            candidatesPerSide: k,
          });
          expect(pruned.pruning.certified).toBe(true);
          expect(pruned.objective).toBe(full.objective);
          expect(pruned.matchedHromadas).toBe(full.matchedHromadas);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("repairs a pruned round that left out a pair the optimum needs", () => {
    // Equal scores everywhere; k = 1 leaves out the pair (h2, p3) that a third pair needs.
    const hs = [hromada("h1"), hromada("h2")];
    const ps = [partner("p1"), partner("p3", { capacity: 2 })];
    const plan = planRound(hs, ps, { ...EXPLORE, demand: 2, candidatesPerSide: 1 });
    expect(plan.pairs).toHaveLength(3);
    expect(plan.pruning).toMatchObject({
      certified: true,
      method: "dual-certificate",
      addedEdges: 1,
    });
  });

  it("falls back to a full solve when the prices prove nothing (lexicographic goal)", () => {
    const hs = [hromada("h1"), hromada("h2")];
    const ps = [partner("p1"), partner("p3", { capacity: 2 })];
    const plan = planRound(hs, ps, {
      ...EXPLORE,
      demand: 2,
      candidatesPerSide: 1,
      maximiseMatched: true,
    });
    expect(plan.pairs).toHaveLength(3);
    expect(plan.pruning).toMatchObject({ certified: true, method: "full-solve" });
  });

  it("gives the same plan for any order of the same profiles, in both modes", () => {
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom("optimal" as const, "stable" as const),
        ({ hs, ps, demand }, mode) => {
          const a = planRound(hs, ps, { ...EXPLORE, demand, mode });
          const b = planRound([...hs].reverse(), [...ps].reverse(), { ...EXPLORE, demand, mode });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never lets the stable matching beat the optimum", () => {
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom("hromadas" as const, "partners" as const),
        ({ hs, ps, demand }, proposing) => {
          const plan = planRound(hs, ps, { ...EXPLORE, demand, mode: "stable", proposing });
          expect(plan.stable?.welfare).toBeLessThanOrEqual(plan.stable?.optimum ?? Number.NaN);
          expect(plan.objective).toBe(plan.stable?.welfare);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never exceeds a capacity or a demand", () => {
    fc.assert(
      fc.property(instance, ({ hs, ps, demand }) => {
        const plan = planRound(hs, ps, { ...EXPLORE, demand });
        const perH = new Map<string, number>();
        const perP = new Map<string, number>();
        for (const p of plan.pairs) {
          perH.set(p.hromadaId, (perH.get(p.hromadaId) ?? 0) + 1);
          perP.set(p.partnerId, (perP.get(p.partnerId) ?? 0) + 1);
        }
        for (const n of perH.values()) expect(n).toBeLessThanOrEqual(demand);
        for (const p of ps) {
          const cap = Math.max(0, p.municipality.capacity - p.partnershipCount);
          expect(perP.get(p.municipality.id) ?? 0).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("planRound on match quality", () => {
  const school = partner("se-school", { capacity: 3, offers: [offer("education", "expert")] });
  const needsSchool = hromada("ua-needs", { needs: [need("education", "high")] });
  const needsNothing = hromada("ua-empty");
  const occupiedLong = hromada("ua-occupied-2014", {
    needs: [need("education", "high")],
    situation: { category: "occupied", occupiedBefore2022: true },
  });

  it("proposes no pair without thematic fit by default, and says who was left out", () => {
    const plan = planRound([needsSchool, needsNothing], [school]);
    expect(plan.pairs.map((p) => p.hromadaId)).toEqual(["ua-needs"]);
    expect(plan.leftOut).toEqual([{ side: "hromada", code: "no-open-needs", count: 1 }]);
    const open = planRound([needsSchool, needsNothing], [school], EXPLORE);
    expect(open.pairs.map((p) => [p.hromadaId, p.exploratory])).toEqual([
      ["ua-empty", true],
      ["ua-needs", false],
    ]);
  });

  it("leaves hromadas occupied before 2022 out unless asked to include them", () => {
    const plan = planRound([needsSchool, occupiedLong], [school]);
    expect(plan.pairs.map((p) => p.hromadaId)).toEqual(["ua-needs"]);
    expect(plan.leftOut).toEqual([{ side: "hromada", code: "occupied-before-2022", count: 1 }]);
    const all = planRound([needsSchool, occupiedLong], [school], {
      includeOccupiedBefore2022: true,
    });
    expect(all.pairs.map((p) => p.hromadaId)).toEqual(["ua-needs", "ua-occupied-2014"]);
  });

  it("marks decisive components against the hromada's next candidate", () => {
    const weak = partner("se-weak", { offers: [offer("education", "basic")] });
    const plan = planRound([needsSchool], [school, weak]);
    const pair = plan.pairs[0];
    expect(pair?.partnerId).toBe("se-school");
    expect(pair?.components.find((c) => c.code === "thematic-fit")?.decisive).toBe(true);
    expect(pair?.components.find((c) => c.code === "preference")?.decisive).toBe(false);
  });
});
