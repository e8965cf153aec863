import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LazyStableSource, lazyDeferredAcceptance } from "./lazy-stable";
import { deferredAcceptance } from "./stable";
import type { StableProblem } from "./types";

/** A random hospitals/residents instance: every pair admissible with probability `density`. */
function randomProblem(seed: number, nL: number, nR: number, density: number): StableProblem {
  let x = seed >>> 0 || 1;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const edgeLeft: number[] = [];
  const edgeRight: number[] = [];
  const edgeScore: number[] = [];
  const edgeLeftPref: number[] = [];
  const edgeRightPref: number[] = [];
  for (let u = 0; u < nL; u++) {
    for (let e = 0; e < nR; e++) {
      if (rnd() >= density) continue;
      // Shared compatibility plus each side's own part, integers with ties, as in planRound.
      const shared = Math.floor(rnd() * 60);
      const l = shared + Math.floor(rnd() * 10);
      const r = shared + Math.floor(rnd() * 10);
      edgeLeft.push(u);
      edgeRight.push(e);
      edgeScore.push(l + r);
      edgeLeftPref.push(l);
      edgeRightPref.push(r);
    }
  }
  return {
    leftCount: nL,
    rightCount: nR,
    leftQuota: Array.from({ length: nL }, () => 1 + Math.floor(rnd() * 2)),
    rightQuota: Array.from({ length: nR }, () => 1 + Math.floor(rnd() * 3)),
    edgeLeft,
    edgeRight,
    edgeScore,
    edgeLeftPref,
    edgeRightPref,
  };
}

/** The problem as a lazy source for the given proposing side (adjacency built once). */
function sourceOf(p: StableProblem, proposing: "left" | "right"): LazyStableSource {
  const byLeft = proposing === "left";
  const nP = byLeft ? p.leftCount : p.rightCount;
  const adjacency: number[][] = Array.from({ length: nP }, () => []);
  const accPref = new Map<number, number>();
  const nA = byLeft ? p.rightCount : p.leftCount;
  for (let i = 0; i < p.edgeLeft.length; i++) {
    const x = (byLeft ? p.edgeLeft[i] : p.edgeRight[i]) as number;
    const y = (byLeft ? p.edgeRight[i] : p.edgeLeft[i]) as number;
    (adjacency[x] as number[]).push(i);
    accPref.set(y * nP + x, (byLeft ? p.edgeRightPref[i] : p.edgeLeftPref[i]) as number);
  }
  return {
    proposerCount: nP,
    acceptorCount: nA,
    proposerQuota: byLeft ? p.leftQuota : p.rightQuota,
    acceptorQuota: byLeft ? p.rightQuota : p.leftQuota,
    candidates(x, visit) {
      for (const i of adjacency[x] as number[]) {
        visit(
          (byLeft ? p.edgeRight[i] : p.edgeLeft[i]) as number,
          (byLeft ? p.edgeLeftPref[i] : p.edgeRightPref[i]) as number,
        );
      }
    },
    acceptorPreference: (y, x) => accPref.get(y * nP + x) as number,
  };
}

/** deferredAcceptance's edges as sorted [left, right] pairs. */
function fullPairs(p: StableProblem, proposing: "left" | "right"): [number, number][] {
  return Array.from(
    deferredAcceptance(p, { proposing }).edges,
    (i) => [p.edgeLeft[i] as number, p.edgeRight[i] as number] as [number, number],
  ).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function lazyPairs(
  p: StableProblem,
  proposing: "left" | "right",
  initial: number | undefined,
): [number, number][] {
  const result = lazyDeferredAcceptance(
    sourceOf(p, proposing),
    initial === undefined ? {} : { initial },
  );
  return (
    proposing === "left" ? result.pairs : result.pairs.map(([x, y]) => [y, x] as [number, number])
  ).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe("lazyDeferredAcceptance", () => {
  it("equals deferred acceptance over all pairs on small random instances, whatever the initial list", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        fc.constantFrom("left" as const, "right" as const),
        (seed, nL, nR, density, initial, proposing) => {
          const p = randomProblem(seed, nL, nR, density);
          expect(lazyPairs(p, proposing, initial)).toEqual(fullPairs(p, proposing));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("equals deferred acceptance over all pairs on random national-size instances (1469 × 647)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(1, 10, 30),
        fc.constantFrom("left" as const, "right" as const),
        (seed, initial, proposing) => {
          const p = randomProblem(seed, 1469, 647, 0.15);
          const full = fullPairs(p, proposing);
          expect(lazyPairs(p, proposing, initial)).toEqual(full);
        },
      ),
      { numRuns: 3 },
    );
  }, 120_000);

  it("lists far fewer candidates than all pairs when the start list is short", () => {
    const p = randomProblem(7, 200, 100, 1);
    const result = lazyDeferredAcceptance(sourceOf(p, "left"), { initial: 5 });
    expect(result.listed).toBeLessThan(p.edgeLeft.length / 2);
    expect(lazyDeferredAcceptance(sourceOf(p, "left")).listed).toBe(p.edgeLeft.length);
  });

  it("rejects a start list that is not a positive integer", () => {
    const p = randomProblem(1, 2, 2, 1);
    expect(() => lazyDeferredAcceptance(sourceOf(p, "left"), { initial: 0 })).toThrow(
      expect.objectContaining({ field: "initial" }),
    );
  });
});
