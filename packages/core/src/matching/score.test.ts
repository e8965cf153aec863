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
  tie,
  warZoneHromada,
} from "./fixtures.test-helpers";
import type { HromadaProfile, PartnerProfile } from "./profiles";
import {
  compileScorer,
  EXCLUDED_SCORE,
  type PairScore,
  type ScoreComponentCode,
  type ScoredPair,
  type ScoreOptions,
  scorePair,
} from "./score";
import { DEFAULT_WEIGHTS } from "./weights";

function scored(result: PairScore): ScoredPair {
  if (result.excluded)
    throw new Error(`unexpectedly excluded: ${JSON.stringify(result.exclusions)}`);
  return result;
}

function firing(result: PairScore): ScoreComponentCode[] {
  return scored(result)
    .components.filter((c) => c.contribution > 0)
    .map((c) => c.code);
}

function component<C extends ScoreComponentCode>(result: PairScore, code: C) {
  const c = scored(result).components.find((x) => x.code === code);
  if (!c || c.code !== code) throw new Error(`missing ${code}`);
  return c as Extract<typeof c, { code: C }>;
}

describe("scorePair on the reference fixtures", () => {
  it.each([
    {
      name: "war-zone hromada × Swedish water works",
      h: warZoneHromada,
      p: swedishWaterWorks,
      fires: ["thematic-fit", "situation-fit", "size", "fairness"],
      score: 68.5,
    },
    {
      name: "war-zone hromada × Norwegian integrator",
      h: warZoneHromada,
      p: norwegianIntegrator,
      fires: ["size", "fairness"],
      score: 8.8,
    },
    {
      name: "hosting hromada × Norwegian integrator",
      h: hostingHromada,
      p: norwegianIntegrator,
      fires: ["thematic-fit", "situation-fit", "language", "fairness"],
      score: 65,
    },
    {
      name: "hosting hromada × Swedish water works",
      h: hostingHromada,
      p: swedishWaterWorks,
      fires: ["size", "fairness"],
      score: 10.7,
    },
  ])("$name fires $fires", ({ h, p, fires, score }) => {
    const result = scored(scorePair(h, p));
    expect(firing(result)).toEqual(fires);
    expect(result.score).toBeCloseTo(score, 1);
    const sum = result.components.reduce((s, c) => s + c.contribution, 0);
    expect(result.score).toBeCloseTo(sum, 12);
  });

  it("ranks the water works first for the war-zone hromada and the integrator first for the hosting one", () => {
    const rank = (h: HromadaProfile) =>
      [swedishWaterWorks, norwegianIntegrator]
        .map((p) => ({ id: p.municipality.id, s: scored(scorePair(h, p)).score }))
        .sort((a, b) => b.s - a.s)
        .map((x) => x.id);
    expect(rank(warZoneHromada)).toEqual(["se-water-admin", "no-small-integration"]);
    expect(rank(hostingHromada)).toEqual(["no-small-integration", "se-water-admin"]);
  });

  it("explains thematic fit with need priority and offer experience per area", () => {
    const c = component(scorePair(warZoneHromada, swedishWaterWorks), "thematic-fit");
    expect(c.data.matched).toEqual([
      { area: "water-sanitation", needPriority: "critical", offerExperience: "expert" },
      { area: "public-administration", needPriority: "high", offerExperience: "experienced" },
    ]);
    expect(c.data.unmatched).toEqual([]);
    expect(c.data.value).toBeCloseTo(6 / 7, 12);
  });

  it("names the KS rule behind situation fit", () => {
    const war = component(scorePair(warZoneHromada, swedishWaterWorks), "situation-fit");
    expect(war.data).toMatchObject({ zone: "war-zone", basis: "rebuilding" });
    expect(war.data.areas).toEqual(["water-sanitation", "public-administration"]);
    const rear = component(scorePair(hostingHromada, norwegianIntegrator), "situation-fit");
    expect(rear.data).toMatchObject({
      zone: "outside",
      basis: "reception",
      displacedHosted: 20_000,
      hostingStrength: 1,
    });
  });

  it("reports the log-population ratio and the shared languages", () => {
    const size = component(scorePair(hostingHromada, swedishWaterWorks), "size");
    expect(size.data.log10Ratio).toBeCloseTo(Math.log10(80 / 30), 5);
    const lang = component(scorePair(hostingHromada, norwegianIntegrator), "language");
    expect(lang.data.shared).toEqual(["en"]);
  });

  it("counts Ukrainian for every hromada, even one listing no languages", () => {
    const p = partner("se-uk-speaking", { workingLanguages: ["sv", "uk"] });
    expect(component(scorePair(hromada("h"), p), "language").contribution).toBe(
      DEFAULT_WEIGHTS.language,
    );
  });

  it("ignores needs that are not open", () => {
    const h = hromada("h", { needs: [need("water-sanitation", "critical", "met")] });
    expect(component(scorePair(h, swedishWaterWorks), "thematic-fit").contribution).toBe(0);
  });

  it.each([
    { pref: { regions: ["UA-46"] }, field: "partnerRegions", outcome: "met" },
    { pref: { regions: ["UA-65"] }, field: "partnerRegions", outcome: "unmet" },
    { pref: { situations: ["rear" as const] }, field: "partnerSituations", outcome: "met" },
    { pref: { situations: ["frontline" as const] }, field: "partnerSituations", outcome: "unmet" },
    { pref: { size: { max: 19_999 } }, field: "partnerSize", outcome: "unmet" },
    { pref: { size: { min: 50_000 } }, field: "partnerSize", outcome: "met" },
  ])("scores partner preference $pref as $outcome", ({ pref, field, outcome }) => {
    const p = partner("p", { preferences: { regions: [], situations: [], ...pref } });
    const c = component(scorePair(hostingHromada, p), "preference");
    expect(c.data).toMatchObject({ [field]: outcome });
    const none = component(scorePair(hostingHromada, partner("p")), "preference");
    // Unstated counts nothing, like unmet: only a met preference adds to the score.
    expect(none.contribution).toBe(0);
    if (outcome === "met") expect(c.contribution).toBeGreaterThan(none.contribution);
    else expect(c.contribution).toBe(none.contribution);
  });

  it("scores the hromada's preferred countries", () => {
    const h = hromada("h", { preferences: { countries: ["NO"] } });
    expect(component(scorePair(h, norwegianIntegrator), "preference").data.hromadaCountries).toBe(
      "met",
    );
    expect(component(scorePair(h, swedishWaterWorks), "preference").data.hromadaCountries).toBe(
      "unmet",
    );
  });

  it.each([
    { name: "no partner, small, no experience", opts: { population: 5_000 }, value: 1 },
    { name: "no partner, large", opts: { population: 50_000 }, value: 0.5 },
    {
      name: "has a partner, small, experienced",
      opts: { population: 5_000, partnershipCount: 1, internationalExperience: true },
      value: 0,
    },
    {
      name: "has a partner, small, no experience",
      opts: { population: 5_000, partnershipCount: 2 },
      value: 0.5,
    },
  ])("gives fairness $value to a hromada with $name", ({ opts, value }) => {
    const c = component(scorePair(hromada("h", opts), partner("p")), "fairness");
    expect(c.data.value).toBe(value);
    expect(c.contribution).toBe(value * DEFAULT_WEIGHTS.fairness);
  });

  it("applies changed weights and zero weights", () => {
    const base = scored(scorePair(warZoneHromada, swedishWaterWorks));
    const noTheme = scored(
      scorePair(warZoneHromada, swedishWaterWorks, { weights: { thematicFit: 0 } }),
    );
    expect(component(noTheme, "thematic-fit").contribution).toBe(0);
    expect(noTheme.score).toBeCloseTo(
      base.score - component(base, "thematic-fit").contribution,
      10,
    );
  });
});

describe("scorePair exclusions", () => {
  const h = hromada("ua-h");
  const p = partner("se-p");
  it.each<{
    name: string;
    h: HromadaProfile;
    p: PartnerProfile;
    options?: ScoreOptions;
    codes: string[];
  }>([
    {
      name: "an existing partnership",
      h,
      p,
      options: { existingPairs: [{ hromadaId: "ua-h", partnerId: "se-p" }] },
      codes: ["existing-partnership"],
    },
    { name: "a hromada opt-out", h: hromada("ua-h", { optOut: true }), p, codes: ["opt-out"] },
    { name: "a partner opt-out", h, p: partner("se-p", { optOut: true }), codes: ["opt-out"] },
    {
      name: "the hromada excluding the partner",
      h: hromada("ua-h", { excludedIds: ["se-p"] }),
      p,
      codes: ["excluded-id"],
    },
    {
      name: "the partner excluding the hromada",
      h,
      p: partner("se-p", { excludedIds: ["ua-h"] }),
      codes: ["excluded-id"],
    },
    { name: "capacity 0", h, p: partner("se-p", { capacity: 0 }), codes: ["no-capacity"] },
    {
      name: "capacity used up",
      h,
      p: partner("se-p", { capacity: 2, partnershipCount: 2 }),
      codes: ["no-capacity"],
    },
    {
      name: "an active Russian tie under the policy",
      h,
      p: partner("se-p", { ties: [tie("RU")] }),
      options: { policy: { excludeReviewCountryTies: true } },
      codes: ["review-country-tie"],
    },
    {
      name: "an under-review Belarusian tie when flagged ties exclude",
      h,
      p: partner("se-p", { ties: [tie("BY", "under-review")] }),
      options: { policy: { excludeReviewCountryTies: true, excludeFlaggedTies: true } },
      codes: ["flagged-tie"],
    },
    {
      name: "several constraints at once",
      h: hromada("ua-h", { optOut: true }),
      p: partner("se-p", { capacity: 0, excludedIds: ["ua-h"] }),
      codes: ["opt-out", "excluded-id", "no-capacity"],
    },
  ])("excludes a pair with $name", ({ h, p, options, codes }) => {
    const result = scorePair(h, p, options);
    expect(result.excluded).toBe(true);
    if (result.excluded) expect(result.exclusions.map((e) => e.code)).toEqual(codes);
    const scorer = compileScorer(options);
    expect(scorer.score(scorer.prepareHromada(h), scorer.preparePartner(p))).toBe(EXCLUDED_SCORE);
  });

  it.each([
    {
      name: "a Russian tie without the policy",
      p: partner("se-p", { ties: [tie("RU")] }),
      options: {},
    },
    {
      name: "a frozen Russian tie under the policy",
      p: partner("se-p", { ties: [tie("RU", "frozen")] }),
      options: { policy: { excludeReviewCountryTies: true } },
    },
    {
      name: "a terminated Belarusian tie under the policy",
      p: partner("se-p", { ties: [tie("BY", "terminated")] }),
      options: { policy: { excludeReviewCountryTies: true } },
    },
    {
      name: "an active Finnish tie under the policy",
      p: partner("se-p", { ties: [tie("FI")] }),
      options: { policy: { excludeReviewCountryTies: true } },
    },
    {
      name: "capacity 2 with one partnership",
      p: partner("se-p", { capacity: 2, partnershipCount: 1 }),
      options: {},
    },
  ])("keeps a pair with $name", ({ p, options }) => {
    expect(scorePair(h, p, options).excluded).toBe(false);
  });
});

describe("scorePair input validation", () => {
  const bad = <T>(value: T, patch: (v: T) => void): T => {
    const copy = JSON.parse(JSON.stringify(value)) as T;
    patch(copy);
    return copy;
  };
  it.each<{ name: string; run: () => unknown; field: string }>([
    {
      name: "a negative capacity",
      run: () =>
        scorePair(
          hostingHromada,
          bad(norwegianIntegrator, (p) => {
            p.municipality.capacity = -1;
          }),
        ),
      field: "partner.municipality.capacity",
    },
    {
      name: "an unknown need area",
      run: () =>
        scorePair(
          bad(hostingHromada, (h) => {
            (h.needs[0] as { area: string }).area = "space-travel";
          }),
          swedishWaterWorks,
        ),
      field: "hromada.needs[0].area",
    },
    {
      name: "an unknown offer area",
      run: () =>
        scorePair(
          hostingHromada,
          bad(swedishWaterWorks, (p) => {
            (p.offers[1] as { area: string }).area = "nope";
          }),
        ),
      field: "partner.offers[1].area",
    },
    {
      name: "a NaN weight",
      run: () => scorePair(hostingHromada, swedishWaterWorks, { weights: { size: Number.NaN } }),
      field: "weights.size",
    },
    {
      name: "a negative weight",
      run: () => scorePair(hostingHromada, swedishWaterWorks, { weights: { language: -1 } }),
      field: "weights.language",
    },
    {
      name: "an unknown weight",
      run: () => scorePair(hostingHromada, swedishWaterWorks, { weights: { charm: 3 } as never }),
      field: "weights.charm",
    },
    {
      name: "an unknown need priority",
      run: () =>
        scorePair(
          bad(hostingHromada, (h) => {
            (h.needs[1] as { priority: string }).priority = "urgent";
          }),
          swedishWaterWorks,
        ),
      field: "hromada.needs[1].priority",
    },
    {
      name: "a NaN population",
      run: () =>
        scorePair(
          bad(hostingHromada, (h) => {
            h.municipality.population = Number.NaN;
          }),
          swedishWaterWorks,
        ),
      field: "hromada.municipality.population",
    },
    {
      name: "an unknown oblast preference",
      run: () =>
        scorePair(
          hostingHromada,
          bad(swedishWaterWorks, (p) => {
            p.municipality.preferences.regions = ["UA-99"];
          }),
        ),
      field: "partner.municipality.preferences.regions[0]",
    },
    {
      name: "an unknown situation",
      run: () =>
        scorePair(
          bad(hostingHromada, (h) => {
            (h.municipality.situation as { category: string }).category = "calm";
          }),
          swedishWaterWorks,
        ),
      field: "hromada.municipality.situation.category",
    },
    {
      name: "a fractional partnership count",
      run: () =>
        scorePair(
          bad(hostingHromada, (h) => {
            h.partnershipCount = 0.5;
          }),
          swedishWaterWorks,
        ),
      field: "hromada.partnershipCount",
    },
    {
      name: "a non-boolean policy",
      run: () =>
        scorePair(hostingHromada, swedishWaterWorks, {
          policy: { excludeReviewCountryTies: "yes" as never },
        }),
      field: "policy.excludeReviewCountryTies",
    },
    {
      name: "a hromada passed as partner",
      run: () => scorePair(hostingHromada, hostingHromada as never),
      field: "partner.municipality.kind",
    },
  ])("rejects $name naming $field", ({ run, field }) => {
    try {
      run();
      expect.unreachable("no error thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).field).toBe(field);
    }
  });
});

const arbOptions = fc.record({
  weights: fc.record({
    thematicFit: fc.double({ min: 0, max: 100, noNaN: true }),
    size: fc.double({ min: 0, max: 10, noNaN: true }),
  }),
  policy: fc.record({ excludeReviewCountryTies: fc.boolean() }),
});

describe("scoring invariants", () => {
  it("gives the compiled fast path exactly the score of scorePair", () => {
    fc.assert(
      fc.property(arbHromada, arbPartner, arbOptions, (h, p, options) => {
        const scorer = compileScorer(options);
        const fast = scorer.score(scorer.prepareHromada(h), scorer.preparePartner(p));
        const full = scorePair(h, p, options);
        expect(fast).toBe(full.excluded ? EXCLUDED_SCORE : full.score);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every component value in [0, 1] and the score within the sum of weights", () => {
    fc.assert(
      fc.property(arbHromada, arbPartner, (h, p) => {
        const result = scorePair(h, p);
        if (result.excluded) return;
        for (const c of result.components) {
          expect(c.data.value).toBeGreaterThanOrEqual(0);
          expect(c.data.value).toBeLessThanOrEqual(1);
        }
        expect(result.score).toBeLessThanOrEqual(100 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same result for the same input, whatever the order of needs and offers", () => {
    fc.assert(
      fc.property(arbHromada, arbPartner, (h, p) => {
        const a = scorePair(h, p);
        const b = scorePair(
          { ...h, needs: [...h.needs].reverse() },
          { ...p, offers: [...p.offers].reverse() },
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("splits the preference contribution into the two sides' parts", () => {
    fc.assert(
      fc.property(arbHromada, arbPartner, (h, p) => {
        const scorer = compileScorer();
        const ph = scorer.prepareHromada(h);
        const pp = scorer.preparePartner(p);
        const result = scorer.explain(ph, pp);
        if (result.excluded) return;
        const parts = scorer.preferenceParts(ph, pp);
        const pref = result.components.find((c) => c.code === "preference");
        expect(parts.hromada + parts.partner).toBeCloseTo(pref?.contribution ?? Number.NaN, 12);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a batch built by another scorer", () => {
    const a = compileScorer();
    const b = compileScorer();
    const batch = a.batchPartners([a.preparePartner(swedishWaterWorks)]);
    expect(() =>
      b.scoreBatch(b.prepareHromada(hostingHromada), batch, new Float64Array(1)),
    ).toThrow(expect.objectContaining({ field: "batch" }));
  });

  it("gives scoreBatch bit-identical scores to score, slow paths included", () => {
    fc.assert(
      fc.property(
        fc.array(arbHromada, { minLength: 1, maxLength: 4 }),
        fc.array(arbPartner, { minLength: 1, maxLength: 12 }),
        arbOptions,
        (hs, ps, options) => {
          const scorer = compileScorer(options);
          const batch = scorer.batchPartners(ps.map((p) => scorer.preparePartner(p)));
          const out = new Float64Array(ps.length);
          for (const h of hs) {
            const ph = scorer.prepareHromada(h);
            scorer.scoreBatch(ph, batch, out);
            batch.partners.forEach((pp, j) => {
              expect(out[j]).toBe(scorer.score(ph, pp));
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("situation fit from the hromada's own needs", () => {
  const builder = partner("se-builder", {
    offers: [offer("water-sanitation", "expert"), offer("public-administration", "expert")],
  });
  it("gives a frontline hromada fit only for its own rebuilding needs, and names them", () => {
    const withNeed = hromada("ua-f", {
      situation: { category: "frontline" },
      needs: [need("water-sanitation", "high")],
    });
    const c = component(scorePair(withNeed, builder), "situation-fit");
    expect(c.contribution).toBe(DEFAULT_WEIGHTS.situationFit);
    expect(c.data).toMatchObject({ basis: "rebuilding", areas: ["water-sanitation"] });
    // The same frontline hromada needing only education gets no situation fit from a builder.
    const otherNeed = hromada("ua-g", {
      situation: { category: "frontline" },
      needs: [need("education", "high")],
    });
    expect(component(scorePair(otherNeed, builder), "situation-fit").contribution).toBe(0);
  });

  it("gives an occupied hromada fit only in governance, administration and services", () => {
    const occupied = hromada("ua-o", {
      situation: { category: "occupied" },
      needs: [need("water-sanitation", "critical"), need("public-administration", "high")],
    });
    const c = component(scorePair(occupied, builder), "situation-fit");
    expect(c.data.areas).toEqual(["public-administration"]);
    const waterOnly = partner("se-water", { offers: [offer("water-sanitation", "expert")] });
    expect(component(scorePair(occupied, waterOnly), "situation-fit").contribution).toBe(0);
  });

  it("rests reception fit on hosting, naming the reception offers", () => {
    const c = component(scorePair(hostingHromada, norwegianIntegrator), "situation-fit");
    expect(c.data.basis).toBe("reception");
    expect(c.data.areas.length).toBeGreaterThan(0);
  });
});

describe("unstated preferences and the thematic floor", () => {
  it("scores nothing for preferences nobody stated and says so", () => {
    const c = component(scorePair(hromada("h"), partner("p")), "preference");
    expect(c.contribution).toBe(0);
    expect(c.data).toMatchObject({
      partnerRegions: "none",
      partnerSituations: "none",
      partnerSize: "none",
      hromadaCountries: "none",
    });
  });

  it("excludes a pair without thematic fit under requireThematicFit and marks it exploratory otherwise", () => {
    const h = hromada("h", { needs: [need("education", "high")] });
    const p = partner("p", { offers: [offer("water-sanitation")] });
    const floor = scorePair(h, p, { policy: { requireThematicFit: true } });
    expect(floor.excluded && floor.exclusions.map((x) => x.code)).toEqual(["no-thematic-fit"]);
    const open = scored(scorePair(h, p));
    expect(open.exploratory).toBe(true);
    const scorer = compileScorer({ policy: { requireThematicFit: true } });
    expect(scorer.score(scorer.prepareHromada(h), scorer.preparePartner(p))).toBe(EXCLUDED_SCORE);
  });

  it("flags an unverified Russian tie instead of excluding it by default", () => {
    const p = partner("p", {
      offers: [offer("education")],
      ties: [tie("RU", "under-review")],
    });
    const h = hromada("h", { needs: [need("education")] });
    const result = scored(scorePair(h, p, { policy: { excludeReviewCountryTies: true } }));
    expect(result.flags.map((f) => f.code)).toEqual(["flagged-tie"]);
  });
});
