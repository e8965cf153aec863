import { describe, expect, it } from "vitest";
import { hromada, offer, partner } from "./fixtures.test-helpers";
import { compileScorer, type PairScore, scorePair } from "./score";
import { DEFAULT_WEIGHTS } from "./weights";

const learnFrom = (result: PairScore) =>
  result.excluded ? undefined : result.components.find((c) => c.code === "learn-from");

// A hromada that offers crisis management and digital services, and partners that want to learn.
const teacher = {
  ...hromada("ua-teacher"),
  offers: [offer("crisis-preparedness", "expert"), offer("public-administration")],
};
const curious = partner("se-curious", {
  learningInterests: ["crisis-preparedness", "energy-heating"],
});

describe("the learn-from score component", () => {
  it("scores the share of the partner's learning interests the hromada offers, with the areas as reasons", () => {
    const c = learnFrom(scorePair(teacher, curious));
    expect(c).toEqual({
      code: "learn-from",
      contribution: DEFAULT_WEIGHTS.learnFrom * 0.5,
      data: { value: 0.5, areas: ["crisis-preparedness"] },
    });
  });

  it.each([
    ["a partner without learning interests", teacher, partner("se-plain")],
    ["a hromada that offers nothing", hromada("ua-quiet"), curious],
    ["no shared area", { ...hromada("ua-other"), offers: [offer("waste")] }, curious],
  ])("is not listed for %s", (_label, h, p) => {
    expect(learnFrom(scorePair(h, p))).toBeUndefined();
  });

  it("adds the same amount in the hot path, the batch path and the explanation", () => {
    const scorer = compileScorer();
    const h = scorer.prepareHromada(teacher);
    const ps = [
      curious,
      partner("se-plain"),
      partner("se-all", { learningInterests: ["crisis-preparedness"] }),
    ];
    const prepared = ps.map((p) => scorer.preparePartner(p));
    const batch = scorer.batchPartners(prepared);
    const out = new Float64Array(prepared.length);
    scorer.scoreBatch(h, batch, out);
    prepared.forEach((p, j) => {
      const explained = scorer.explain(h, p);
      expect(explained.excluded).toBe(false);
      if (explained.excluded) return;
      expect(out[j]).toBe(scorer.score(h, p));
      expect(explained.score).toBeCloseTo(scorer.score(h, p), 12);
    });
    const plain = scorer.score(h, prepared[1] as (typeof prepared)[number]);
    expect(scorer.score(h, prepared[2] as (typeof prepared)[number]) - plain).toBeCloseTo(
      DEFAULT_WEIGHTS.learnFrom,
      9,
    );
  });
});
