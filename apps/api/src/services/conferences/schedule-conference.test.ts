import { describe, expect, it } from "vitest";
import { MUTUAL_BONUS, pairInterest, wishPoints } from "./schedule-conference";

describe("pairInterest", () => {
  it.each([
    ["no wish, score 50", undefined, undefined, 50, 0.5, false],
    ["the hromada's first choice", 1, undefined, 0, 3, false],
    ["the partner's second choice", undefined, 2, 0, 2.5, false],
    ["mutual first choices with score 100", 1, 1, 100, 3 + 3 + MUTUAL_BONUS + 1, true],
    ["an excluded pair (score −1) counts as score 0", undefined, undefined, -1, 0, false],
  ])("%s", (_name, h, p, score, interest, mutual) => {
    expect(pairInterest(h, p, score)).toEqual({ interest, mutual });
  });

  it("ranks any wish above any score, and a mutual wish above any one-sided one", () => {
    // Exhaustive over the extremes and a spread of ranks and scores.
    const ranks = [1, 2, 3, 10, 200];
    const scores = [-1, 0, 0.5, 37, 99.9, 100];
    for (const a of ranks)
      for (const b of ranks)
        for (const c of ranks)
          for (const s1 of scores)
            for (const s2 of scores) {
              expect(pairInterest(a, undefined, s1).interest).toBeGreaterThan(
                pairInterest(undefined, undefined, s2).interest,
              );
              expect(pairInterest(a, b, s1).interest).toBeGreaterThan(
                pairInterest(c, undefined, s2).interest,
              );
            }
  });

  it("prefers a higher-ranked wish", () => {
    expect(wishPoints(1)).toBeGreaterThan(wishPoints(2));
    expect(wishPoints(200)).toBeGreaterThan(2);
  });
});
