import { InvalidInputError } from "../errors";
import type { StableProblem } from "./types";

/** Which side proposes in deferred acceptance; the result is optimal for the proposing side. */
export interface StableOptions {
  proposing: "left" | "right";
}

/** A pairwise-stable matching: the edges used (ascending) and the sum of their scores. */
export interface StableMatching {
  edges: Int32Array;
  welfare: number;
}

/**
 * Deferred acceptance (Gale–Shapley, hospitals/residents with quotas on both sides); returns the
 * proposer-optimal pairwise-stable matching over the candidate edges.
 *
 * Preferences are strict: higher preference first, ties broken by the smaller index of the other
 * side. Runs in O(m) to build heap-ordered preference lists plus O(proposals · log degree).
 *
 * @example
 * const { edges, welfare } = deferredAcceptance(
 *   {
 *     leftCount: 2, rightCount: 2, leftQuota: [1, 1], rightQuota: [1, 1],
 *     edgeLeft: [0, 0, 1, 1], edgeRight: [0, 1, 0, 1], edgeScore: [3, 2, 2, 3],
 *     edgeLeftPref: [2, 1, 1, 2], edgeRightPref: [1, 2, 2, 1],
 *   },
 *   { proposing: "left" },
 * ); // edges = [0, 3], welfare = 6
 */
export function deferredAcceptance(problem: StableProblem, options: StableOptions): StableMatching {
  validateStableProblem(problem);
  const proposing = options?.proposing;
  if (proposing !== "left" && proposing !== "right") {
    throw new InvalidInputError("options.proposing", 'must be "left" or "right"');
  }
  const byLeft = proposing === "left";
  const m = problem.edgeLeft.length;
  const nP = byLeft ? problem.leftCount : problem.rightCount;
  const nR = byLeft ? problem.rightCount : problem.leftCount;
  const pOf = Int32Array.from(byLeft ? problem.edgeLeft : problem.edgeRight);
  const rOf = Int32Array.from(byLeft ? problem.edgeRight : problem.edgeLeft);
  const pPref = Float64Array.from(byLeft ? problem.edgeLeftPref : problem.edgeRightPref);
  const rPref = Float64Array.from(byLeft ? problem.edgeRightPref : problem.edgeLeftPref);
  const pQuotaIn = byLeft ? problem.leftQuota : problem.rightQuota;
  const rQuotaIn = byLeft ? problem.rightQuota : problem.leftQuota;

  // Proposer preference lists in CSR form, best first.
  const start = new Int32Array(nP + 1);
  const rDeg = new Int32Array(nR);
  for (let e = 0; e < m; e++) {
    const p = (pOf[e] as number) + 1;
    const r = rOf[e] as number;
    start[p] = (start[p] as number) + 1;
    rDeg[r] = (rDeg[r] as number) + 1;
  }
  for (let p = 0; p < nP; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const list = new Int32Array(m);
  const fill = start.slice(0, nP);
  for (let e = 0; e < m; e++) {
    const p = pOf[e] as number;
    list[fill[p] as number] = e;
    fill[p] = (fill[p] as number) + 1;
  }
  // Each list is a binary heap (best at the root), so only the prefix that is actually proposed
  // along is ever ordered: O(deg) to build, O(log deg) per proposal. The heap compares one float
  // key per entry: −pref·nR + receiver when that is exact (integer preferences), otherwise the
  // preference rank among all distinct preferences, which orders the same way.
  const key = preferenceKeys(list, pPref, rOf, nR);
  const siftDownList = (s: number, size: number, i0: number): void => {
    let i = i0;
    const x = list[s + i] as number;
    const kx = key[s + i] as number;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && (key[s + c + 1] as number) < (key[s + c] as number)) c++;
      const kc = key[s + c] as number;
      if (kc >= kx) break;
      list[s + i] = list[s + c] as number;
      key[s + i] = kc;
      i = c;
    }
    list[s + i] = x;
    key[s + i] = kx;
  };
  const left = new Int32Array(nP);
  for (let p = 0; p < nP; p++) {
    const s = start[p] as number;
    const size = (start[p + 1] as number) - s;
    left[p] = size;
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDownList(s, size, i);
  }

  // Each receiver holds at most min(quota, degree) proposals in a min-heap whose root is its worst.
  const rCap = new Int32Array(nR);
  const hStart = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) {
    const cap = Math.min(rQuotaIn[r] as number, rDeg[r] as number);
    rCap[r] = cap;
    hStart[r + 1] = (hStart[r] as number) + cap;
  }
  const heap = new Int32Array(hStart[nR] as number);
  const hSize = new Int32Array(nR);
  // true when edge a is ranked strictly below edge b by their common receiver
  const worse = (a: number, b: number): boolean => {
    const pa = rPref[a] as number;
    const pb = rPref[b] as number;
    return pa < pb || (pa === pb && (pOf[a] as number) > (pOf[b] as number));
  };
  const siftUp = (base: number, i0: number): void => {
    let i = i0;
    const x = heap[base + i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const y = heap[base + parent] as number;
      if (!worse(x, y)) break;
      heap[base + i] = y;
      i = parent;
    }
    heap[base + i] = x;
  };
  const siftDown = (base: number, size: number): void => {
    let i = 0;
    const x = heap[base] as number;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && worse(heap[base + c + 1] as number, heap[base + c] as number)) c++;
      const y = heap[base + c] as number;
      if (!worse(y, x)) break;
      heap[base + i] = y;
      i = c;
    }
    heap[base + i] = x;
  };

  const pQuota = new Int32Array(nP);
  for (let p = 0; p < nP; p++) {
    pQuota[p] = Math.min(pQuotaIn[p] as number, (start[p + 1] as number) - (start[p] as number));
  }
  const held = new Int32Array(nP);
  // FIFO of proposers with free slots; the result does not depend on the order (strict preferences).
  const queue = new Int32Array(Math.max(nP, 1));
  const queued = new Uint8Array(nP);
  let qHead = 0;
  let qLen = 0;
  for (let p = 0; p < nP; p++) {
    if ((pQuota[p] as number) > 0) {
      queue[qLen++] = p;
      queued[p] = 1;
    }
  }
  while (qLen > 0) {
    const p = queue[qHead] as number;
    qHead = qHead + 1 === queue.length ? 0 : qHead + 1;
    qLen--;
    queued[p] = 0;
    const s = start[p] as number;
    while ((held[p] as number) < (pQuota[p] as number) && (left[p] as number) > 0) {
      const e = list[s] as number;
      const rest = (left[p] as number) - 1;
      left[p] = rest;
      if (rest > 0) {
        list[s] = list[s + rest] as number;
        key[s] = key[s + rest] as number;
        siftDownList(s, rest, 0);
      }
      const r = rOf[e] as number;
      const base = hStart[r] as number;
      const size = hSize[r] as number;
      if (size < (rCap[r] as number)) {
        heap[base + size] = e;
        hSize[r] = size + 1;
        siftUp(base, size);
        held[p] = (held[p] as number) + 1;
      } else if (size > 0 && worse(heap[base] as number, e)) {
        const w = pOf[heap[base] as number] as number;
        heap[base] = e;
        siftDown(base, size);
        held[p] = (held[p] as number) + 1;
        held[w] = (held[w] as number) - 1;
        if (queued[w] === 0) {
          let tail = qHead + qLen;
          if (tail >= queue.length) tail -= queue.length;
          queue[tail] = w;
          qLen++;
          queued[w] = 1;
        }
      }
    }
  }

  let total = 0;
  for (let r = 0; r < nR; r++) total += hSize[r] as number;
  const edges = new Int32Array(total);
  let k = 0;
  for (let r = 0; r < nR; r++) {
    const base = hStart[r] as number;
    const size = hSize[r] as number;
    for (let i = 0; i < size; i++) edges[k++] = heap[base + i] as number;
  }
  edges.sort();
  let welfare = 0;
  for (let i = 0; i < edges.length; i++) welfare += problem.edgeScore[edges[i] as number] as number;
  return { edges, welfare };
}

/**
 * One float per list entry, smaller = preferred, ordering a proposer's edges by (preference desc,
 * receiver index asc) exactly.
 */
function preferenceKeys(
  list: Int32Array,
  pPref: Float64Array,
  rOf: Int32Array,
  nR: number,
): Float64Array {
  const m = list.length;
  const key = new Float64Array(m);
  let packable = true;
  for (let e = 0; e < m && packable; e++) {
    const x = pPref[e] as number;
    packable = Number.isInteger(x) && Math.abs(x) * (nR + 1) + nR < Number.MAX_SAFE_INTEGER;
  }
  let rankOf = pPref;
  if (!packable) {
    // Replace each preference by its rank among the distinct values (0 = lowest); m · nR stays
    // far below 2^53 for any array that fits in memory.
    const values = Float64Array.from(pPref).sort();
    rankOf = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      let lo = 0;
      let hi = m - 1;
      const x = pPref[e] as number;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((values[mid] as number) < x) lo = mid + 1;
        else hi = mid;
      }
      rankOf[e] = lo;
    }
  }
  for (let i = 0; i < m; i++) {
    const e = list[i] as number;
    key[i] = -(rankOf[e] as number) * nR + (rOf[e] as number);
  }
  return key;
}

/**
 * Returns the indices (ascending) of the candidate edges outside `edges` that block the matching:
 * both endpoints have a free slot or prefer that edge to their worst current partner.
 *
 * @example
 * findBlockingPairs(problem, deferredAcceptance(problem, { proposing: "left" }).edges); // []
 */
export function findBlockingPairs(problem: StableProblem, edges: ArrayLike<number>): number[] {
  validateStableProblem(problem);
  const m = problem.edgeLeft.length;
  const { leftCount, rightCount, edgeLeft, edgeRight, edgeLeftPref, edgeRightPref } = problem;
  const used = new Uint8Array(m);
  const leftUsed = new Int32Array(leftCount);
  const rightUsed = new Int32Array(rightCount);
  const leftWorst = new Int32Array(leftCount).fill(-1);
  const rightWorst = new Int32Array(rightCount).fill(-1);
  // true when the left endpoint ranks edge a above edge b (both incident to it)
  const leftPrefers = (a: number, b: number): boolean => {
    const pa = edgeLeftPref[a] as number;
    const pb = edgeLeftPref[b] as number;
    return pa > pb || (pa === pb && (edgeRight[a] as number) < (edgeRight[b] as number));
  };
  const rightPrefers = (a: number, b: number): boolean => {
    const pa = edgeRightPref[a] as number;
    const pb = edgeRightPref[b] as number;
    return pa > pb || (pa === pb && (edgeLeft[a] as number) < (edgeLeft[b] as number));
  };
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i] as number;
    if (!Number.isInteger(e) || e < 0 || e >= m) {
      throw new InvalidInputError(`edges[${i}]`, `must be an edge index in [0, ${m})`);
    }
    if (used[e] === 1) throw new InvalidInputError(`edges[${i}]`, `edge ${e} is listed twice`);
    used[e] = 1;
    const u = edgeLeft[e] as number;
    const v = edgeRight[e] as number;
    leftUsed[u] = (leftUsed[u] as number) + 1;
    rightUsed[v] = (rightUsed[v] as number) + 1;
    if ((leftUsed[u] as number) > (problem.leftQuota[u] as number)) {
      throw new InvalidInputError("edges", `left node ${u} exceeds its quota`);
    }
    if ((rightUsed[v] as number) > (problem.rightQuota[v] as number)) {
      throw new InvalidInputError("edges", `right node ${v} exceeds its quota`);
    }
    const wl = leftWorst[u] as number;
    if (wl < 0 || leftPrefers(wl, e)) leftWorst[u] = e;
    const wr = rightWorst[v] as number;
    if (wr < 0 || rightPrefers(wr, e)) rightWorst[v] = e;
  }
  const blocking: number[] = [];
  for (let e = 0; e < m; e++) {
    if (used[e] === 1) continue;
    const u = edgeLeft[e] as number;
    const v = edgeRight[e] as number;
    const wl = leftWorst[u] as number;
    const leftWants =
      (leftUsed[u] as number) < (problem.leftQuota[u] as number) || (wl >= 0 && leftPrefers(e, wl));
    if (!leftWants) continue;
    const wr = rightWorst[v] as number;
    const rightWants =
      (rightUsed[v] as number) < (problem.rightQuota[v] as number) ||
      (wr >= 0 && rightPrefers(e, wr));
    if (rightWants) blocking.push(e);
  }
  return blocking;
}

/** Throws InvalidInputError naming the first field of `problem` that breaks the StableProblem contract. */
export function validateStableProblem(problem: StableProblem): void {
  const { leftCount, rightCount } = problem;
  checkCount("leftCount", leftCount);
  checkCount("rightCount", rightCount);
  checkQuotas("leftQuota", problem.leftQuota, leftCount);
  checkQuotas("rightQuota", problem.rightQuota, rightCount);
  const m = problem.edgeLeft?.length;
  if (!Number.isInteger(m)) throw new InvalidInputError("edgeLeft", "must be an array");
  const parallel = ["edgeRight", "edgeScore", "edgeLeftPref", "edgeRightPref"] as const;
  for (const field of parallel) {
    if (problem[field]?.length !== m) {
      throw new InvalidInputError(field, `must have the same length as edgeLeft (${m})`);
    }
  }
  checkEndpoints("edgeLeft", problem.edgeLeft, leftCount);
  checkEndpoints("edgeRight", problem.edgeRight, rightCount);
  checkFinite("edgeScore", problem.edgeScore);
  checkFinite("edgeLeftPref", problem.edgeLeftPref);
  checkFinite("edgeRightPref", problem.edgeRightPref);
  const dup = findDuplicatePair(leftCount, rightCount, problem.edgeLeft, problem.edgeRight);
  if (dup >= 0) {
    throw new InvalidInputError(`edgeRight[${dup}]`, "the same pair appears on two edges");
  }
}

function checkCount(field: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new InvalidInputError(field, "must be an integer ≥ 0");
}

function checkQuotas(field: string, quota: ArrayLike<number>, n: number): void {
  if (quota?.length !== n) throw new InvalidInputError(field, `must have length ${n}`);
  for (let i = 0; i < n; i++) {
    const q = quota[i] as number;
    if (!Number.isInteger(q) || q < 0) {
      throw new InvalidInputError(`${field}[${i}]`, `must be an integer ≥ 0, got ${q}`);
    }
  }
}

function checkEndpoints(field: string, ends: ArrayLike<number>, n: number): void {
  for (let e = 0; e < ends.length; e++) {
    const x = ends[e] as number;
    if (!Number.isInteger(x) || x < 0 || x >= n) {
      throw new InvalidInputError(`${field}[${e}]`, `must be a node index in [0, ${n}), got ${x}`);
    }
  }
}

function checkFinite(field: string, values: ArrayLike<number>): void {
  for (let e = 0; e < values.length; e++) {
    const x = values[e] as number;
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new InvalidInputError(`${field}[${e}]`, `must be a finite number, got ${x}`);
    }
  }
}

/** Index of the first edge whose (left, right) pair already appeared earlier, or -1. */
function findDuplicatePair(
  leftCount: number,
  rightCount: number,
  edgeLeft: ArrayLike<number>,
  edgeRight: ArrayLike<number>,
): number {
  const m = edgeLeft.length;
  const start = new Int32Array(leftCount + 1);
  for (let e = 0; e < m; e++) {
    const u = (edgeLeft[e] as number) + 1;
    start[u] = (start[u] as number) + 1;
  }
  for (let u = 0; u < leftCount; u++)
    start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const order = new Int32Array(m);
  const fill = start.slice(0, leftCount);
  for (let e = 0; e < m; e++) {
    const u = edgeLeft[e] as number;
    order[fill[u] as number] = e;
    fill[u] = (fill[u] as number) + 1;
  }
  const seenBy = new Int32Array(rightCount).fill(-1);
  let worst = -1;
  for (let u = 0; u < leftCount; u++) {
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const e = order[i] as number;
      const v = edgeRight[e] as number;
      if (seenBy[v] === u) {
        // edges of u are visited in index order, so e is the later of the two
        if (worst < 0 || e < worst) worst = e;
      } else seenBy[v] = u;
    }
  }
  return worst;
}
