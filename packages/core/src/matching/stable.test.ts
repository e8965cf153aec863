import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { deferredAcceptance, findBlockingPairs } from "./stable";
import type { StableProblem } from "./types";

/** Builds a problem from [left, right, leftPref, rightPref] rows; score = leftPref + rightPref. */
function problem(
  leftQuota: number[],
  rightQuota: number[],
  rows: [number, number, number, number][],
): StableProblem {
  return {
    leftCount: leftQuota.length,
    rightCount: rightQuota.length,
    leftQuota,
    rightQuota,
    edgeLeft: rows.map((r) => r[0]),
    edgeRight: rows.map((r) => r[1]),
    edgeLeftPref: rows.map((r) => r[2]),
    edgeRightPref: rows.map((r) => r[3]),
    edgeScore: rows.map((r) => r[2] + r[3]),
  };
}

// Independent of the implementation: a pair blocks if both ends would take it.
function bruteForceBlocking(p: StableProblem, edges: ArrayLike<number>): number[] {
  const used = new Set(Array.from(edges));
  const byNode = new Map<string, number[]>();
  for (const e of used) {
    for (const key of [`left${p.edgeLeft[e]}`, `right${p.edgeRight[e]}`]) {
      byNode.set(key, [...(byNode.get(key) ?? []), e]);
    }
  }
  const partners = (side: "left" | "right", node: number) => byNode.get(`${side}${node}`) ?? [];
  // rank key: larger is better (pref, then smaller other index)
  const leftKey = (e: number) => [p.edgeLeftPref[e] as number, -(p.edgeRight[e] as number)];
  const rightKey = (e: number) => [p.edgeRightPref[e] as number, -(p.edgeLeft[e] as number)];
  const better = (a: number[], b: number[]) =>
    (a[0] as number) > (b[0] as number) || (a[0] === b[0] && (a[1] as number) > (b[1] as number));
  const wants = (side: "left" | "right", node: number, e: number) => {
    const mine = partners(side, node);
    const quota = (side === "left" ? p.leftQuota[node] : p.rightQuota[node]) as number;
    if (mine.length < quota) return true;
    const key = side === "left" ? leftKey : rightKey;
    return mine.some((f) => better(key(e), key(f)));
  };
  const out: number[] = [];
  for (let e = 0; e < p.edgeLeft.length; e++) {
    if (used.has(e)) continue;
    if (wants("left", p.edgeLeft[e] as number, e) && wants("right", p.edgeRight[e] as number, e)) {
      out.push(e);
    }
  }
  return out;
}

// integer preferences take the packed-key path, fractional ones the rank path
const prefArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: -6, max: 6 }).map((x) => x / 4),
);

const problemArb = (maxQuota: number) =>
  fc
    .record({
      leftQuota: fc.array(fc.nat(maxQuota), { minLength: 1, maxLength: 6 }),
      rightQuota: fc.array(fc.nat(maxQuota), { minLength: 1, maxLength: 6 }),
    })
    .chain(({ leftQuota, rightQuota }) =>
      fc
        .uniqueArray(
          fc.record({
            u: fc.nat(leftQuota.length - 1),
            v: fc.nat(rightQuota.length - 1),
            lp: prefArb,
            rp: prefArb,
          }),
          { selector: (r) => `${r.u},${r.v}`, maxLength: 36 },
        )
        .map((rows) =>
          problem(
            leftQuota,
            rightQuota,
            rows.map((r) => [r.u, r.v, r.lp, r.rp]),
          ),
        ),
    );

/** All one-to-one matchings over the candidate edges (small instances only). */
function allMatchings(p: StableProblem): number[][] {
  const out: number[][] = [];
  const rec = (u: number, usedRight: Set<number>, acc: number[]) => {
    if (u === p.leftCount) {
      out.push([...acc].sort((a, b) => a - b));
      return;
    }
    rec(u + 1, usedRight, acc);
    for (let e = 0; e < p.edgeLeft.length; e++) {
      const v = p.edgeRight[e] as number;
      if (p.edgeLeft[e] !== u || usedRight.has(v)) continue;
      usedRight.add(v);
      acc.push(e);
      rec(u + 1, usedRight, acc);
      acc.pop();
      usedRight.delete(v);
    }
  };
  rec(0, new Set(), []);
  return out;
}

describe("deferredAcceptance", () => {
  // left 0 likes right 0, left 1 likes right 1; the right side likes the opposite.
  const crossed = problem(
    [1, 1],
    [1, 1],
    [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 0, 1, 2],
      [1, 1, 2, 1],
    ],
  );

  it.each([
    ["left", [0, 3], 6],
    ["right", [1, 2], 6],
  ] as const)("gives the %s-optimal matching when that side proposes", (side, edges, welfare) => {
    const result = deferredAcceptance(crossed, { proposing: side });
    expect(Array.from(result.edges)).toEqual(edges);
    expect(result.welfare).toBe(welfare);
  });

  it("gives every proposer its best partner among all stable matchings (one-to-one)", () => {
    fc.assert(
      fc.property(problemArb(1), (raw) => {
        const p = {
          ...raw,
          leftQuota: new Array<number>(raw.leftCount).fill(1),
          rightQuota: new Array<number>(raw.rightCount).fill(1),
        };
        const stable = allMatchings(p).filter((m) => bruteForceBlocking(p, m).length === 0);
        expect(stable.length).toBeGreaterThan(0);
        for (const side of ["left", "right"] as const) {
          const da = Array.from(deferredAcceptance(p, { proposing: side }).edges);
          expect(stable.map((m) => m.join())).toContain(da.join());
          const ends = side === "left" ? p.edgeLeft : p.edgeRight;
          const others = side === "left" ? p.edgeRight : p.edgeLeft;
          const prefs = side === "left" ? p.edgeLeftPref : p.edgeRightPref;
          // rank of node's partner in m: larger is better; unmatched is worst
          const rank = (m: number[], node: number) => {
            const e = m.find((f) => ends[f] === node);
            return e === undefined ? [-Infinity, 0] : [prefs[e] as number, -(others[e] as number)];
          };
          const count = side === "left" ? p.leftCount : p.rightCount;
          for (let node = 0; node < count; node++) {
            const mine = rank(da, node);
            for (const m of stable) {
              const theirs = rank(m, node);
              const better =
                (theirs[0] as number) > (mine[0] as number) ||
                (theirs[0] === mine[0] && (theirs[1] as number) > (mine[1] as number));
              expect(better).toBe(false);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("leaves no blocking pair and respects quotas on random many-to-many instances", () => {
    fc.assert(
      fc.property(problemArb(3), fc.constantFrom("left" as const, "right" as const), (p, side) => {
        const { edges, welfare } = deferredAcceptance(p, { proposing: side });
        expect(bruteForceBlocking(p, edges)).toEqual([]);
        expect(findBlockingPairs(p, edges)).toEqual([]);
        const list = Array.from(edges);
        expect(list).toEqual([...new Set(list)].sort((a, b) => a - b));
        for (let u = 0; u < p.leftCount; u++) {
          expect(list.filter((e) => p.edgeLeft[e] === u).length).toBeLessThanOrEqual(
            p.leftQuota[u] as number,
          );
        }
        for (let v = 0; v < p.rightCount; v++) {
          expect(list.filter((e) => p.edgeRight[e] === v).length).toBeLessThanOrEqual(
            p.rightQuota[v] as number,
          );
        }
        expect(welfare).toBe(list.reduce((s, e) => s + (p.edgeScore[e] as number), 0));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves no blocking pair on a dense 200 × 100 instance with demands 1–2 and capacities 1–3", () => {
    let seed = 2024;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const rows: [number, number, number, number][] = [];
    for (let u = 0; u < 200; u++) {
      for (let v = 0; v < 100; v++) rows.push([u, v, next(50), next(50)]);
    }
    const p = problem(
      Array.from({ length: 200 }, () => 1 + next(2)),
      Array.from({ length: 100 }, () => 1 + next(3)),
      rows,
    );
    for (const side of ["left", "right"] as const) {
      const { edges } = deferredAcceptance(p, { proposing: side });
      expect(edges.length).toBeGreaterThan(0);
      expect(findBlockingPairs(p, edges)).toEqual([]);
      expect(bruteForceBlocking(p, edges)).toEqual([]);
    }
  });

  it("breaks ties by the smaller index of the other side", () => {
    // both lefts rank right 0 and right 1 equally; right 0 ranks both lefts equally
    const p = problem(
      [1, 1],
      [1, 1],
      [
        [1, 1, 5, 0],
        [1, 0, 5, 0],
        [0, 0, 5, 0],
        [0, 1, 5, 0],
      ],
    );
    const { edges } = deferredAcceptance(p, { proposing: "left" });
    // left 0 and left 1 both want right 0 first; right 0 keeps left 0 (smaller index)
    expect(Array.from(edges).map((e) => [p.edgeLeft[e], p.edgeRight[e]])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it("lets a left node with demand 2 hold two partners and skips nodes with quota 0", () => {
    const p = problem(
      [2, 0],
      [1, 1, 1],
      [
        [0, 0, 3, 1],
        [0, 1, 2, 1],
        [0, 2, 1, 1],
        [1, 2, 9, 9],
      ],
    );
    expect(Array.from(deferredAcceptance(p, { proposing: "left" }).edges)).toEqual([0, 1]);
    expect(Array.from(deferredAcceptance(p, { proposing: "right" }).edges)).toEqual([0, 1]);
  });

  it("accepts non-integer preferences and typed arrays", () => {
    const p: StableProblem = {
      ...crossed,
      edgeLeftPref: Float64Array.from([0.5, 0.25, 0.25, 0.5]),
      edgeRightPref: Float64Array.from([0.1, 0.2, 0.2, 0.1]),
      edgeLeft: Int32Array.from(crossed.edgeLeft),
    };
    expect(Array.from(deferredAcceptance(p, { proposing: "left" }).edges)).toEqual([0, 3]);
  });

  it.each<[string, Partial<StableProblem>]>([
    ["leftQuota[1]", { leftQuota: [1, -1] }],
    ["rightQuota", { rightQuota: [1] }],
    ["leftCount", { leftCount: 1.5 }],
    ["edgeLeftPref[2]", { edgeLeftPref: [1, 1, Number.NaN, 1] }],
    ["edgeScore[0]", { edgeScore: [Number.POSITIVE_INFINITY, 1, 1, 1] }],
    ["edgeRight[3]", { edgeRight: [0, 1, 0, 2] }],
    ["edgeLeft[0]", { edgeLeft: [-1, 0, 1, 1] }],
    ["edgeRightPref", { edgeRightPref: [1, 2, 3] }],
    ["edgeRight[2]", { edgeLeft: [0, 0, 0, 1], edgeRight: [0, 1, 0, 1] }],
  ])("throws InvalidInputError naming %s", (field, patch) => {
    const bad = { ...crossed, ...patch };
    expect(() => deferredAcceptance(bad, { proposing: "left" })).toThrow(InvalidInputError);
    expect(() => deferredAcceptance(bad, { proposing: "left" })).toThrow(
      expect.objectContaining({ field }),
    );
  });

  it("rejects an unknown proposing side", () => {
    const options = { proposing: "both" } as unknown as { proposing: "left" };
    expect(() => deferredAcceptance(crossed, options)).toThrow(
      expect.objectContaining({ field: "options.proposing" }),
    );
  });
});

describe("findBlockingPairs", () => {
  const p = problem(
    [1, 1],
    [1, 1],
    [
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 0, 1, 2],
      [1, 1, 2, 1],
    ],
  );

  it.each([
    ["the left-optimal matching", [0, 3], []],
    ["the right-optimal matching", [1, 2], []],
    ["the empty matching", [], [0, 1, 2, 3]],
    ["a matching that leaves left 1 single", [0], [2, 3]],
  ])("reports the blocking edges of %s", (_, edges, blocking) => {
    expect(findBlockingPairs(p, edges)).toEqual(blocking);
    expect(bruteForceBlocking(p, edges)).toEqual(blocking);
  });

  it.each([
    ["edges[1]", [0, 0]],
    ["edges[0]", [7]],
    ["edges", [0, 1]],
  ])("throws InvalidInputError naming %s", (field, edges) => {
    expect(() => findBlockingPairs(p, edges)).toThrow(expect.objectContaining({ field }));
  });
});
