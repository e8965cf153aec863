import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { type BipartiteGraph, equitableEdgeColouring } from "./edge-colouring";

function maxDegree(g: BipartiteGraph): number {
  const deg = new Map<string, number>();
  for (let e = 0; e < g.edgeLeft.length; e++) {
    for (const key of [`l${g.edgeLeft[e]}`, `r${g.edgeRight[e]}`]) {
      deg.set(key, (deg.get(key) ?? 0) + 1);
    }
  }
  return Math.max(0, ...deg.values());
}

/** Asserts a proper colouring in [0, k) with class sizes differing by at most one. */
function expectEquitableProper(g: BipartiteGraph, colour: Int32Array, k: number): void {
  expect(colour.length).toBe(g.edgeLeft.length);
  const seen = new Set<string>();
  const size = new Array<number>(k).fill(0);
  for (let e = 0; e < colour.length; e++) {
    const c = colour[e] as number;
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThan(k);
    size[c] = (size[c] ?? 0) + 1;
    for (const key of [`l${g.edgeLeft[e]}:${c}`, `r${g.edgeRight[e]}:${c}`]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  }
  if (k > 0) expect(Math.max(...size) - Math.min(...size)).toBeLessThanOrEqual(1);
}

const graphArb = fc
  .record({ leftCount: fc.integer({ min: 1, max: 8 }), rightCount: fc.integer({ min: 1, max: 8 }) })
  .chain(({ leftCount, rightCount }) =>
    fc
      .array(fc.tuple(fc.nat(leftCount - 1), fc.nat(rightCount - 1)), { maxLength: 40 })
      .map((pairs) => ({
        leftCount,
        rightCount,
        edgeLeft: pairs.map((p) => p[0]),
        edgeRight: pairs.map((p) => p[1]),
      })),
  );

describe("equitableEdgeColouring", () => {
  it("colours a 4-cycle with two colours, opposite edges alike", () => {
    const g = { leftCount: 2, rightCount: 2, edgeLeft: [0, 0, 1, 1], edgeRight: [0, 1, 0, 1] };
    const colour = equitableEdgeColouring(g, 2);
    expectEquitableProper(g, colour, 2);
    expect(colour[0]).toBe(colour[3]);
    expect(colour[1]).toBe(colour[2]);
  });

  it("uses exactly Δ colours on a complete bipartite graph K5,5", () => {
    const edgeLeft: number[] = [];
    const edgeRight: number[] = [];
    for (let u = 0; u < 5; u++) {
      for (let v = 0; v < 5; v++) {
        edgeLeft.push(u);
        edgeRight.push(v);
      }
    }
    const g = { leftCount: 5, rightCount: 5, edgeLeft, edgeRight };
    expectEquitableProper(g, equitableEdgeColouring(g, 5), 5);
  });

  it("rebalances classes that the greedy pass leaves 3 : 1", () => {
    // greedy colours edges 0, 2, 3 alike; balancing must swap a path to reach 2 : 2
    const g = { leftCount: 3, rightCount: 8, edgeLeft: [2, 1, 0, 1], edgeRight: [3, 7, 7, 0] };
    const colour = equitableEdgeColouring(g, 2);
    expectEquitableProper(g, colour, 2);
  });

  it("spreads a perfect matching evenly over more colours than Δ", () => {
    // 7 disjoint edges, Δ = 1, 3 colours -> sizes 3,2,2
    const g = {
      leftCount: 7,
      rightCount: 7,
      edgeLeft: [0, 1, 2, 3, 4, 5, 6],
      edgeRight: [0, 1, 2, 3, 4, 5, 6],
    };
    const colour = equitableEdgeColouring(g, 3);
    expectEquitableProper(g, colour, 3);
  });

  it("is a proper equitable colouring for any k ≥ Δ on random multigraphs", () => {
    fc.assert(
      fc.property(graphArb, fc.nat(4), (g, extra) => {
        const k = Math.max(1, maxDegree(g)) + extra;
        expectEquitableProper(g, equitableEdgeColouring(g, k), k);
      }),
      { numRuns: 300 },
    );
  });

  it("returns the same colouring for the same input", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const k = Math.max(1, maxDegree(g)) + 1;
        expect(equitableEdgeColouring(g, k)).toEqual(equitableEdgeColouring(g, k));
      }),
      { numRuns: 50 },
    );
  });

  it("handles an empty graph with zero colours", () => {
    const g = { leftCount: 0, rightCount: 0, edgeLeft: [], edgeRight: [] };
    expect(equitableEdgeColouring(g, 0)).toEqual(new Int32Array(0));
  });

  it.each([
    ["colours", { leftCount: 1, rightCount: 2, edgeLeft: [0, 0], edgeRight: [0, 1] }, 1],
    ["colours", { leftCount: 1, rightCount: 1, edgeLeft: [0], edgeRight: [0] }, 1.5],
    ["edgeRight", { leftCount: 1, rightCount: 1, edgeLeft: [0], edgeRight: [] }, 1],
    ["edgeLeft[0]", { leftCount: 1, rightCount: 1, edgeLeft: [1], edgeRight: [0] }, 1],
    ["edgeRight[0]", { leftCount: 1, rightCount: 1, edgeLeft: [0], edgeRight: [-1] }, 1],
    ["leftCount", { leftCount: -1, rightCount: 1, edgeLeft: [], edgeRight: [] }, 1],
  ])("throws InvalidInputError naming %s", (field, g, k) => {
    expect(() => equitableEdgeColouring(g, k)).toThrow(
      expect.objectContaining({ name: "InvalidInputError", field }),
    );
    expect(() => equitableEdgeColouring(g, k)).toThrow(InvalidInputError);
  });
});
