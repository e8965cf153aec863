import { InvalidInputError } from "../errors";

/** A bipartite multigraph given as parallel endpoint arrays (left and right indices are 0-based). */
export interface BipartiteGraph {
  leftCount: number;
  rightCount: number;
  edgeLeft: ArrayLike<number>;
  edgeRight: ArrayLike<number>;
}

/**
 * Colours the edges of a bipartite multigraph with `colours` colours so that no two edges sharing
 * a node get the same colour and the colour classes differ in size by at most one (an equitable
 * proper edge colouring, which exists whenever `colours` ≥ the maximum degree Δ).
 *
 * Kőnig's method: each edge takes a colour free at both ends, after swapping the two colours along
 * an alternating path if needed; classes are then balanced by swapping the colours of alternating
 * paths that hold one more edge of the larger class. Deterministic; O(m · (colours + n)) plus the
 * balancing, which is O(m) per unit of imbalance.
 *
 * @example
 * // a 4-cycle in 2 colours: opposite edges share a colour
 * equitableEdgeColouring({ leftCount: 2, rightCount: 2, edgeLeft: [0, 0, 1, 1], edgeRight: [0, 1, 0, 1] }, 2);
 * // Int32Array [0, 1, 1, 0]
 */
export function equitableEdgeColouring(graph: BipartiteGraph, colours: number): Int32Array {
  const { leftCount, rightCount, edgeLeft, edgeRight } = graph;
  if (!Number.isInteger(leftCount) || leftCount < 0) {
    throw new InvalidInputError("leftCount", "must be an integer ≥ 0");
  }
  if (!Number.isInteger(rightCount) || rightCount < 0) {
    throw new InvalidInputError("rightCount", "must be an integer ≥ 0");
  }
  const m = edgeLeft.length;
  if (edgeRight.length !== m) {
    throw new InvalidInputError("edgeRight", `must have the same length as edgeLeft (${m})`);
  }
  if (!Number.isInteger(colours) || colours < 0) {
    throw new InvalidInputError("colours", "must be an integer ≥ 0");
  }
  const n = leftCount + rightCount;
  const degree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const u = edgeLeft[e] as number;
    const v = edgeRight[e] as number;
    if (!Number.isInteger(u) || u < 0 || u >= leftCount) {
      throw new InvalidInputError(`edgeLeft[${e}]`, `must be a node index in [0, ${leftCount})`);
    }
    if (!Number.isInteger(v) || v < 0 || v >= rightCount) {
      throw new InvalidInputError(`edgeRight[${e}]`, `must be a node index in [0, ${rightCount})`);
    }
    degree[u] = (degree[u] as number) + 1;
    degree[leftCount + v] = (degree[leftCount + v] as number) + 1;
  }
  let maxDegree = 0;
  for (let x = 0; x < n; x++) maxDegree = Math.max(maxDegree, degree[x] as number);
  if (colours < maxDegree) {
    throw new InvalidInputError("colours", `must be at least the maximum degree ${maxDegree}`);
  }

  const k = colours;
  const colour = new Int32Array(m).fill(-1);
  // at[x * k + c] = the edge of colour c at node x, or -1
  const at = new Int32Array(n * k).fill(-1);
  const size = new Int32Array(k);
  const ends = (e: number): [number, number] => [
    edgeLeft[e] as number,
    leftCount + (edgeRight[e] as number),
  ];
  const other = (e: number, x: number): number => {
    const [a, b] = ends(e);
    return x === a ? b : a;
  };
  const path: number[] = [];
  // Collects the maximal path from x that alternates colours c1, c2, c1, … (first edge c1).
  const walk = (x0: number, c1: number, c2: number): void => {
    path.length = 0;
    let x = x0;
    let c = c1;
    for (;;) {
      const f = at[x * k + c] as number;
      if (f < 0) break;
      path.push(f);
      x = other(f, x);
      c = c === c1 ? c2 : c1;
    }
  };
  // Swaps colours c1 and c2 on the edges in `path`.
  const flip = (c1: number, c2: number): void => {
    for (const f of path) {
      const [a, b] = ends(f);
      const c = colour[f] as number;
      at[a * k + c] = -1;
      at[b * k + c] = -1;
    }
    for (const f of path) {
      const [a, b] = ends(f);
      const c = colour[f] === c1 ? c2 : c1;
      size[colour[f] as number] = (size[colour[f] as number] as number) - 1;
      size[c] = (size[c] as number) + 1;
      colour[f] = c;
      at[a * k + c] = f;
      at[b * k + c] = f;
    }
  };

  for (let e = 0; e < m; e++) {
    const [u, v] = ends(e);
    // Prefer the smallest class free at both ends; else the smallest class free at u.
    let both = -1;
    let a = -1;
    let b = -1;
    for (let c = 0; c < k; c++) {
      const freeU = at[u * k + c] === -1;
      const freeV = at[v * k + c] === -1;
      if (freeU && freeV && (both < 0 || (size[c] as number) < (size[both] as number))) both = c;
      if (freeU && (a < 0 || (size[c] as number) < (size[a] as number))) a = c;
      if (freeV && b < 0) b = c;
    }
    if (both < 0) {
      // a is used at v and b is free at v; swapping a/b along the path from v frees a at v. The
      // path cannot reach u: it would arrive there on an a-edge, and u has none.
      walk(v, a, b);
      flip(a, b);
      both = a;
    }
    colour[e] = both;
    size[both] = (size[both] as number) + 1;
    at[u * k + both] = e;
    at[v * k + both] = e;
  }

  // Balance: while two classes differ by ≥ 2, swap an alternating path with one more edge of the
  // larger class. Such a path exists: the union of the two classes is paths and even cycles.
  const seen = new Int32Array(m).fill(-1);
  let round = 0;
  for (;;) {
    let big = 0;
    let small = 0;
    for (let c = 1; c < k; c++) {
      if ((size[c] as number) > (size[big] as number)) big = c;
      if ((size[c] as number) < (size[small] as number)) small = c;
    }
    if (k === 0 || (size[big] as number) - (size[small] as number) <= 1) break;
    round++;
    let done = false;
    for (let e = 0; e < m && !done; e++) {
      if (colour[e] !== big || seen[e] === round) continue;
      for (const x of ends(e)) {
        if (at[x * k + small] !== -1) continue;
        walk(x, big, small);
        for (const f of path) seen[f] = round;
        if (path.length % 2 === 1) {
          flip(big, small);
          done = true;
          break;
        }
      }
    }
    if (!done) throw new Error("equitableEdgeColouring: no alternating path found (bug)");
  }
  return colour;
}
