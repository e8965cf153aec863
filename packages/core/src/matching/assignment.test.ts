import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { solveAssignment, verifyPruning } from "./assignment";
import type { AssignmentOptions, AssignmentProblem, AssignmentSolution } from "./types";

interface Case {
  problem: AssignmentProblem;
  options: AssignmentOptions;
}

/** Lexicographic value of an edge set: [priority units, score]. */
function value(
  p: AssignmentProblem,
  o: AssignmentOptions,
  edges: ArrayLike<number>,
): [number, number] {
  const dl = new Array<number>(p.leftCount).fill(0);
  const dr = new Array<number>(p.rightCount).fill(0);
  let score = 0;
  for (let i = 0; i < edges.length; i++) {
    const k = edges[i] as number;
    const u = p.edgeLeft[k] as number;
    const e = p.edgeRight[k] as number;
    dl[u] = (dl[u] ?? 0) + 1;
    dr[e] = (dr[e] ?? 0) + 1;
    score += p.edgeScore[k] as number;
  }
  let units = 0;
  if (o.leftPriority)
    for (let u = 0; u < p.leftCount; u++)
      units += Math.min(dl[u] as number, o.leftPriority[u] as number);
  if (o.rightPriority)
    for (let e = 0; e < p.rightCount; e++)
      units += Math.min(dr[e] as number, o.rightPriority[e] as number);
  return [units, score];
}

/** Exhaustive optimum over all feasible edge subsets (small instances only). */
function bruteForce(p: AssignmentProblem, o: AssignmentOptions): [number, number] | null {
  const m = p.edgeLeft.length;
  const pinned = new Set(Array.from(o.pinned ?? []));
  const forbidden = new Set(Array.from(o.forbidden ?? []));
  const minScore = o.minScore ?? Number.NEGATIVE_INFINITY;
  const maxPairs = o.maxPairs ?? Number.POSITIVE_INFINITY;
  const ql = Array.from(p.leftQuota);
  const qr = Array.from(p.rightQuota);
  const chosen: number[] = [];
  let best: [number, number] | null = null;
  const go = (k: number): void => {
    if (chosen.length > maxPairs) return;
    if (k === m) {
      const v = value(p, o, chosen);
      if (best === null || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
      return;
    }
    const u = p.edgeLeft[k] as number;
    const e = p.edgeRight[k] as number;
    const allowed = !forbidden.has(k) && (p.edgeScore[k] as number) >= minScore;
    if (allowed && (ql[u] as number) > 0 && (qr[e] as number) > 0) {
      ql[u] = (ql[u] as number) - 1;
      qr[e] = (qr[e] as number) - 1;
      chosen.push(k);
      go(k + 1);
      chosen.pop();
      ql[u] = (ql[u] as number) + 1;
      qr[e] = (qr[e] as number) + 1;
    }
    if (!pinned.has(k)) go(k + 1);
  };
  go(0);
  return best;
}

/** Random small instance with distinct pairs and random options. */
const smallCase = (withOptions: boolean): fc.Arbitrary<Case> =>
  fc
    .record({ nL: fc.integer({ min: 1, max: 7 }), nR: fc.integer({ min: 1, max: 7 }) })
    .chain(({ nL, nR }) => {
      const pairs: [number, number][] = [];
      for (let u = 0; u < nL; u++) for (let e = 0; e < nR; e++) pairs.push([u, e]);
      return fc
        .record({
          leftQuota: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nL, maxLength: nL }),
          rightQuota: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nR, maxLength: nR }),
          edges: fc.subarray(pairs, { maxLength: Math.min(13, pairs.length) }),
          scores: fc.array(fc.integer({ min: -5, max: 30 }), { minLength: 13, maxLength: 13 }),
          pinMask: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }),
          minScore: fc.option(fc.integer({ min: -3, max: 15 }), { nil: undefined }),
          maxPairs: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
          leftPriority: fc.option(
            fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nL, maxLength: nL }),
            {
              nil: undefined,
            },
          ),
          rightPriority: fc.option(
            fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nR, maxLength: nR }),
            {
              nil: undefined,
            },
          ),
        })
        .map((r) => {
          const problem: AssignmentProblem = {
            leftCount: nL,
            rightCount: nR,
            leftQuota: r.leftQuota,
            rightQuota: r.rightQuota,
            edgeLeft: r.edges.map((x) => x[0]),
            edgeRight: r.edges.map((x) => x[1]),
            edgeScore: r.edges.map((_, i) => r.scores[i] as number),
          };
          if (!withOptions) return { problem, options: {} };
          const pinned: number[] = [];
          const forbidden: number[] = [];
          r.edges.forEach((_, i) => {
            if (r.pinMask[i] === 0) pinned.push(i);
            if (r.pinMask[i] === 1) forbidden.push(i);
          });
          const options: AssignmentOptions = { pinned, forbidden };
          if (r.minScore !== undefined) options.minScore = r.minScore;
          if (r.maxPairs !== undefined) options.maxPairs = r.maxPairs;
          if (r.leftPriority !== undefined) options.leftPriority = r.leftPriority;
          if (r.rightPriority !== undefined) options.rightPriority = r.rightPriority;
          return { problem, options };
        });
    });

function pinsFeasible(p: AssignmentProblem, o: AssignmentOptions): boolean {
  const pins = Array.from(new Set(Array.from(o.pinned ?? [])));
  const ql = Array.from(p.leftQuota);
  const qr = Array.from(p.rightQuota);
  const forbidden = new Set(Array.from(o.forbidden ?? []));
  for (const k of pins) {
    const u = p.edgeLeft[k] as number;
    const e = p.edgeRight[k] as number;
    if (forbidden.has(k) || (p.edgeScore[k] as number) < (o.minScore ?? Number.NEGATIVE_INFINITY))
      return false;
    ql[u] = (ql[u] ?? 0) - 1;
    qr[e] = (qr[e] ?? 0) - 1;
    if ((ql[u] as number) < 0 || (qr[e] as number) < 0) return false;
  }
  return pins.length <= (o.maxPairs ?? Number.POSITIVE_INFINITY);
}

function expectFeasible(p: AssignmentProblem, o: AssignmentOptions, s: AssignmentSolution): void {
  const dl = new Array<number>(p.leftCount).fill(0);
  const dr = new Array<number>(p.rightCount).fill(0);
  let score = 0;
  for (let i = 0; i < s.edges.length; i++) {
    const k = s.edges[i] as number;
    if (i > 0) expect(k).toBeGreaterThan(s.edges[i - 1] as number); // ascending, no edge twice
    const u = p.edgeLeft[k] as number;
    const e = p.edgeRight[k] as number;
    dl[u] = (dl[u] ?? 0) + 1;
    dr[e] = (dr[e] ?? 0) + 1;
    score += p.edgeScore[k] as number;
    expect(o.forbidden ? Array.from(o.forbidden).includes(k) : false).toBe(false);
    expect(p.edgeScore[k] as number).toBeGreaterThanOrEqual(o.minScore ?? Number.NEGATIVE_INFINITY);
  }
  for (let u = 0; u < p.leftCount; u++) expect(dl[u]).toBeLessThanOrEqual(p.leftQuota[u] as number);
  for (let e = 0; e < p.rightCount; e++)
    expect(dr[e]).toBeLessThanOrEqual(p.rightQuota[e] as number);
  for (const k of Array.from(o.pinned ?? [])) expect(Array.from(s.edges)).toContain(k);
  expect(s.edges.length).toBeLessThanOrEqual(o.maxPairs ?? Number.POSITIVE_INFINITY);
  expect(s.objective).toBe(score);
  expect(s.matchedLeft).toBe(dl.filter((d) => d > 0).length);
}

describe("solveAssignment", () => {
  it("finds the brute-force optimum and respects every quota (no options)", () => {
    fc.assert(
      fc.property(smallCase(false), ({ problem, options }) => {
        const s = solveAssignment(problem, options);
        expectFeasible(problem, options, s);
        expect(s.objective).toBe((bruteForce(problem, options) as [number, number])[1]);
      }),
      { numRuns: 300 },
    );
  });

  it("finds the lexicographic brute-force optimum with pins, forbidden edges, minScore, maxPairs and priorities", () => {
    fc.assert(
      fc.property(smallCase(true), ({ problem, options }) => {
        if (!pinsFeasible(problem, options)) {
          expect(() => solveAssignment(problem, options)).toThrow(InvalidInputError);
          return;
        }
        const s = solveAssignment(problem, options);
        expectFeasible(problem, options, s);
        expect(value(problem, options, s.edges)).toEqual(bruteForce(problem, options));
      }),
      { numRuns: 400 },
    );
  });

  it("returns dual prices that certify the optimum (feasible, same objective)", () => {
    fc.assert(
      fc.property(smallCase(false), ({ problem }) => {
        const s = solveAssignment(problem);
        const { left, right } = s.potentials;
        let dual = 0;
        for (let u = 0; u < problem.leftCount; u++) {
          expect(left[u]).toBeGreaterThanOrEqual(0);
          dual += (problem.leftQuota[u] as number) * (left[u] as number);
        }
        for (let e = 0; e < problem.rightCount; e++) {
          expect(right[e]).toBeGreaterThanOrEqual(0);
          dual += (problem.rightQuota[e] as number) * (right[e] as number);
        }
        const used = new Set(Array.from(s.edges));
        for (let k = 0; k < problem.edgeLeft.length; k++) {
          const slack =
            (problem.edgeScore[k] as number) -
            (left[problem.edgeLeft[k] as number] as number) -
            (right[problem.edgeRight[k] as number] as number);
          if (used.has(k)) dual += slack;
          else expect(slack).toBeLessThanOrEqual(0);
        }
        expect(dual).toBe(s.objective);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same output for the same input", () => {
    fc.assert(
      fc.property(smallCase(true), ({ problem, options }) => {
        if (!pinsFeasible(problem, options)) return;
        const a = solveAssignment(problem, options);
        const b = solveAssignment(problem, options);
        expect(Array.from(a.edges)).toEqual(Array.from(b.edges));
        expect(Array.from(a.potentials.left)).toEqual(Array.from(b.potentials.left));
        expect(Array.from(a.potentials.right)).toEqual(Array.from(b.potentials.right));
      }),
      { numRuns: 50 },
    );
  });

  it("solves the documented example", () => {
    const s = solveAssignment({
      leftCount: 2,
      rightCount: 2,
      leftQuota: [1, 1],
      rightQuota: [1, 1],
      edgeLeft: [0, 0, 1],
      edgeRight: [0, 1, 0],
      edgeScore: [5, 4, 3],
    });
    expect(Array.from(s.edges)).toEqual([1, 2]);
    expect(s.objective).toBe(7);
    expect(s.matchedLeft).toBe(2);
  });

  it("never uses the same pair twice even when a partner has spare capacity", () => {
    // a "slot"-replicating solver would give left 0 both units of right 0 (score 20)
    const s = solveAssignment({
      leftCount: 1,
      rightCount: 2,
      leftQuota: [2],
      rightQuota: [2, 1],
      edgeLeft: [0, 0],
      edgeRight: [0, 1],
      edgeScore: [10, 1],
    });
    expect(s.objective).toBe(11);
  });

  it("matches as many priority hromadas as possible before maximising the score", () => {
    // left 0 and 1 both want right 0 (capacity 1); left 1 has no other candidate
    const problem: AssignmentProblem = {
      leftCount: 2,
      rightCount: 2,
      leftQuota: [1, 1],
      rightQuota: [1, 1],
      edgeLeft: [0, 1, 0],
      edgeRight: [0, 0, 1],
      edgeScore: [100, 1, 1],
    };
    expect(solveAssignment(problem).objective).toBe(100);
    const s = solveAssignment(problem, { leftPriority: [1, 1] });
    expect(Array.from(s.edges)).toEqual([1, 2]);
    expect(s.matchedLeft).toBe(2);
  });

  it.each<[string, Partial<AssignmentProblem>, AssignmentOptions, string]>([
    ["a negative quota", { leftQuota: [-1, 1] }, {}, "leftQuota[0]"],
    ["a fractional quota", { rightQuota: [1, 1.5] }, {}, "rightQuota[1]"],
    ["a NaN quota", { rightQuota: [Number.NaN, 1] }, {}, "rightQuota[0]"],
    ["a quota array of the wrong length", { leftQuota: [1] }, {}, "leftQuota"],
    ["a NaN score", { edgeScore: [1, Number.NaN, 1] }, {}, "edgeScore[1]"],
    ["a fractional score", { edgeScore: [1, 2, 0.5] }, {}, "edgeScore[2]"],
    ["a left endpoint out of range", { edgeLeft: [0, 2, 1] }, {}, "edgeLeft[1]"],
    ["a right endpoint out of range", { edgeRight: [0, 1, -1] }, {}, "edgeRight[2]"],
    ["mismatched edge arrays", { edgeScore: [1, 2] }, {}, "edgeScore"],
    ["a duplicate pair", { edgeLeft: [0, 0, 1], edgeRight: [0, 0, 1] }, {}, "edgeRight[1]"],
    ["a negative left count", { leftCount: -1 }, {}, "leftCount"],
    ["a pinned index out of range", {}, { pinned: [3] }, "pinned[0]"],
    ["a forbidden index out of range", {}, { forbidden: [0.5] }, "forbidden[0]"],
    ["pins beyond a quota", {}, { pinned: [0, 1] }, "pinned"],
    ["a pin that is also forbidden", {}, { pinned: [2], forbidden: [2] }, "pinned"],
    ["a pin below minScore", {}, { pinned: [2], minScore: 5 }, "pinned"],
    ["more pins than maxPairs", {}, { pinned: [2], maxPairs: 0 }, "pinned"],
    ["a negative maxPairs", {}, { maxPairs: -1 }, "maxPairs"],
    ["a NaN minScore", {}, { minScore: Number.NaN }, "minScore"],
    ["a priority array of the wrong length", {}, { leftPriority: [1] }, "leftPriority"],
    ["a negative priority", {}, { rightPriority: [0, -2] }, "rightPriority[1]"],
  ])("throws InvalidInputError naming the field for %s", (_name, patch, options, field) => {
    const problem: AssignmentProblem = {
      leftCount: 2,
      rightCount: 2,
      leftQuota: [1, 1],
      rightQuota: [1, 1],
      edgeLeft: [0, 0, 1],
      edgeRight: [0, 1, 1],
      edgeScore: [5, 4, 3],
      ...patch,
    };
    let error: unknown;
    try {
      solveAssignment(problem, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
  });
});

/** Independent reference: SSP from a super source with Bellman–Ford, no potentials, no pruning. */
function referenceOptimum(p: AssignmentProblem): number {
  const nL = p.leftCount;
  const n = nL + p.rightCount + 2;
  const S = n - 2;
  const T = n - 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const adj: number[][] = Array.from({ length: n }, () => []);
  const arc = (a: number, b: number, c: number, w: number) => {
    adj[a]?.push(to.length);
    to.push(b);
    cap.push(c);
    cost.push(w);
    adj[b]?.push(to.length);
    to.push(a);
    cap.push(0);
    cost.push(-w);
  };
  for (let u = 0; u < nL; u++) arc(S, u, p.leftQuota[u] as number, 0);
  for (let e = 0; e < p.rightCount; e++) arc(nL + e, T, p.rightQuota[e] as number, 0);
  for (let k = 0; k < p.edgeLeft.length; k++) {
    arc(p.edgeLeft[k] as number, nL + (p.edgeRight[k] as number), 1, -(p.edgeScore[k] as number));
  }
  let total = 0;
  for (;;) {
    const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(n).fill(-1);
    dist[S] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let x = 0; x < n; x++) {
        const dx = dist[x] as number;
        if (dx === Number.POSITIVE_INFINITY) continue;
        for (const i of adj[x] ?? []) {
          if (
            (cap[i] as number) > 0 &&
            dx + (cost[i] as number) < (dist[to[i] as number] as number)
          ) {
            dist[to[i] as number] = dx + (cost[i] as number);
            via[to[i] as number] = i;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (!((dist[T] as number) < 0)) return total;
    total -= dist[T] as number;
    for (let x = T; x !== S; x = to[(via[x] as number) ^ 1] as number) {
      const i = via[x] as number;
      cap[i] = (cap[i] as number) - 1;
      cap[i ^ 1] = (cap[i ^ 1] as number) + 1;
    }
  }
}

describe("solveAssignment on wider rows", () => {
  it.each([
    ["narrow score range (counting sort of rows)", 60],
    ["wide score range (comparison sort of rows)", 1_000_000],
  ])("matches an independent min-cost-flow reference: %s", (_name, range) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (seed, wideLeft) => {
        let x = seed;
        const rnd = (k: number) => {
          x = (Math.imul(x, 1103515245) + 12345) >>> 0;
          return x % k;
        };
        const nL = wideLeft ? 12 : 45;
        const nR = wideLeft ? 45 : 12;
        const edgeLeft: number[] = [];
        const edgeRight: number[] = [];
        const edgeScore: number[] = [];
        for (let u = 0; u < nL; u++) {
          for (let e = 0; e < nR; e++) {
            if (rnd(10) < 8) {
              edgeLeft.push(u);
              edgeRight.push(e);
              edgeScore.push(rnd(range) - 5);
            }
          }
        }
        const problem: AssignmentProblem = {
          leftCount: nL,
          rightCount: nR,
          leftQuota: Array.from({ length: nL }, () => rnd(4)),
          rightQuota: Array.from({ length: nR }, () => rnd(4)),
          edgeLeft,
          edgeRight,
          edgeScore,
        };
        const s = solveAssignment(problem);
        expectFeasible(problem, {}, s);
        expect(s.objective).toBe(referenceOptimum(problem));
      }),
      { numRuns: 8 },
    );
  });
});

describe("verifyPruning", () => {
  it("flags an extra edge exactly when needed: empty means the pruned optimum is the true optimum", () => {
    fc.assert(
      fc.property(smallCase(false), fc.integer({ min: 0, max: 12 }), ({ problem }, cut) => {
        const m = problem.edgeLeft.length;
        const keep = Math.min(cut, m);
        const slice = (a: ArrayLike<number>, from: number, to: number) =>
          Array.from(a).slice(from, to);
        const pruned: AssignmentProblem = {
          ...problem,
          edgeLeft: slice(problem.edgeLeft, 0, keep),
          edgeRight: slice(problem.edgeRight, 0, keep),
          edgeScore: slice(problem.edgeScore, 0, keep),
        };
        const s = solveAssignment(pruned);
        const flagged = verifyPruning(s, problem, {
          edgeLeft: slice(problem.edgeLeft, keep, m),
          edgeRight: slice(problem.edgeRight, keep, m),
          edgeScore: slice(problem.edgeScore, keep, m),
        });
        const full = solveAssignment(problem).objective;
        if (flagged.length === 0) expect(s.objective).toBe(full);
        if (full > s.objective) expect(flagged.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("is sound with priorities and maxPairs", () => {
    fc.assert(
      fc.property(smallCase(true), fc.integer({ min: 0, max: 12 }), ({ problem, options }, cut) => {
        const { pinned: _p, forbidden: _f, minScore: _s, ...rest } = options;
        const m = problem.edgeLeft.length;
        const keep = Math.min(cut, m);
        const slice = (a: ArrayLike<number>, from: number, to: number) =>
          Array.from(a).slice(from, to);
        const pruned: AssignmentProblem = {
          ...problem,
          edgeLeft: slice(problem.edgeLeft, 0, keep),
          edgeRight: slice(problem.edgeRight, 0, keep),
          edgeScore: slice(problem.edgeScore, 0, keep),
        };
        const s = solveAssignment(pruned, rest);
        const flagged = verifyPruning(s, problem, {
          edgeLeft: slice(problem.edgeLeft, keep, m),
          edgeRight: slice(problem.edgeRight, keep, m),
          edgeScore: slice(problem.edgeScore, keep, m),
        });
        if (flagged.length === 0) {
          const full = solveAssignment(problem, rest);
          expect(value(problem, rest, s.edges)).toEqual(value(problem, rest, full.edges));
        }
      }),
      { numRuns: 300 },
    );
  });
});
