import { InvalidInputError } from "../errors";
import { type FlowNetwork, runSsp } from "./flow-ssp";
import type { AssignmentOptions, AssignmentProblem, AssignmentSolution } from "./types";

/** Candidate edges outside a solved problem, as parallel arrays (same node numbering). */
export interface ExtraEdges {
  edgeLeft: ArrayLike<number>;
  edgeRight: ArrayLike<number>;
  edgeScore: ArrayLike<number>;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The exact optimum, plus the bonus per priority unit that scales its dual prices (0 without priorities). */
export interface AssignmentResult extends AssignmentSolution {
  /** Bonus added per priority unit in the dual prices; 0 when no priority was requested. */
  priorityBonus: number;
}

/**
 * Maximises the total integer score of a capacitated bipartite assignment exactly (min-cost flow by
 * successive shortest paths with potentials), honouring pins, forbidden edges, `minScore`,
 * `maxPairs` and lexicographic priorities; throws `InvalidInputError` naming the bad field.
 *
 * The potentials are LP dual prices: every unused candidate edge has score ≤ left[u] + right[e]
 * (scores plus priority bonuses when priorities are set; pinned edges are outside the
 * certificate), which is what {@link verifyPruning} checks. Without priorities, pairs scoring ≤ 0
 * are never used; the same (left, right) pair on two edges is rejected. Re-solving after a change
 * is a fresh solve: most of its cost is building the graph (about 10–20 ms warm for 73,000 edges),
 * so no warm start is offered; use {@link verifyPruning} to decide whether a pruned candidate set
 * needs a re-solve at all.
 *
 * @example
 * const solution = solveAssignment({
 *   leftCount: 2, rightCount: 2, leftQuota: [1, 1], rightQuota: [1, 1],
 *   edgeLeft: [0, 0, 1], edgeRight: [0, 1, 0], edgeScore: [5, 4, 3],
 * }); // solution.edges = [1, 2], solution.objective = 7
 */
export function solveAssignment(
  problem: AssignmentProblem,
  options: AssignmentOptions = {},
): AssignmentResult {
  return solve(problem, options);
}

function solve(problem: AssignmentProblem, options: AssignmentOptions): AssignmentResult {
  const { leftCount: nL, rightCount: nR } = problem;
  checkCount("leftCount", nL);
  checkCount("rightCount", nR);
  const qL = readCounts("leftQuota", problem.leftQuota, nL);
  const qR = readCounts("rightQuota", problem.rightQuota, nR);
  const m = problem.edgeLeft?.length;
  if (!Number.isInteger(m)) throw new InvalidInputError("edgeLeft", "must be an array");
  for (const field of ["edgeRight", "edgeScore"] as const) {
    if (problem[field]?.length !== m) {
      throw new InvalidInputError(field, `must have the same length as edgeLeft (${m})`);
    }
  }
  const eL = readEndpoints("edgeLeft", problem.edgeLeft, nL);
  const eR = readEndpoints("edgeRight", problem.edgeRight, nR);
  const score = problem.edgeScore;
  let maxAbs = 0;
  for (let k = 0; k < m; k++) {
    const s = score[k] as number;
    if (!Number.isSafeInteger(s)) {
      throw new InvalidInputError(`edgeScore[${k}]`, `must be a safe integer, got ${s}`);
    }
    const abs = s < 0 ? -s : s;
    if (abs > maxAbs) maxAbs = abs;
  }

  // options
  const kL =
    options.leftPriority === undefined
      ? null
      : readCounts("leftPriority", options.leftPriority, nL);
  const kR =
    options.rightPriority === undefined
      ? null
      : readCounts("rightPriority", options.rightPriority, nR);
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  if (typeof minScore !== "number" || Number.isNaN(minScore)) {
    throw new InvalidInputError("minScore", `must be a number, got ${String(minScore)}`);
  }
  const maxPairs = options.maxPairs ?? Number.POSITIVE_INFINITY;
  if (maxPairs !== Number.POSITIVE_INFINITY && !(Number.isInteger(maxPairs) && maxPairs >= 0)) {
    throw new InvalidInputError("maxPairs", `must be an integer ≥ 0, got ${maxPairs}`);
  }
  // 0 = candidate, 1 = dropped (forbidden or below minScore), 2 = pinned
  const kind = new Uint8Array(m);
  if (options.forbidden !== undefined) {
    for (const k of readIndices("forbidden", options.forbidden, m)) kind[k] = 1;
  }
  const hasPriority = sumOf(kL) + sumOf(kR) > 0;
  // without priorities a pair that scores ≤ 0 never raises the total: leave it out of the search
  const floor = hasPriority ? minScore : Math.max(minScore, 1);
  for (let k = 0; k < m; k++) if ((score[k] as number) < floor) kind[k] = 1;

  // pins: forced in, they use up quota (and priority units) before the search
  let pinnedCount = 0;
  let pinnedScore = 0;
  if (options.pinned !== undefined) {
    for (const k of readIndices("pinned", options.pinned, m)) {
      if (kind[k] === 2) continue;
      const s = score[k] as number;
      if (options.forbidden !== undefined && isIn(options.forbidden, k)) {
        throw new InvalidInputError("pinned", `edge ${k} is both pinned and forbidden`);
      }
      if (s < minScore) {
        throw new InvalidInputError("pinned", `edge ${k} scores ${s}, below minScore ${minScore}`);
      }
      const u = eL[k] as number;
      const e = eR[k] as number;
      if ((qL[u] as number) < 1) {
        throw new InvalidInputError(
          "pinned",
          `left node ${u} has more pinned edges than its quota`,
        );
      }
      if ((qR[e] as number) < 1) {
        throw new InvalidInputError(
          "pinned",
          `right node ${e} has more pinned edges than its quota`,
        );
      }
      qL[u] = (qL[u] as number) - 1;
      qR[e] = (qR[e] as number) - 1;
      if (kL !== null && (kL[u] as number) > 0) kL[u] = (kL[u] as number) - 1;
      if (kR !== null && (kR[e] as number) > 0) kR[e] = (kR[e] as number) - 1;
      kind[k] = 2;
      pinnedCount++;
      pinnedScore += s;
    }
    if (pinnedCount > maxPairs) {
      throw new InvalidInputError(
        "pinned",
        `${pinnedCount} pinned edges exceed maxPairs ${maxPairs}`,
      );
    }
  }

  // degrees over the candidate edges
  const degL = new Int32Array(nL);
  const degR = new Int32Array(nR);
  for (let k = 0; k < m; k++) {
    if (kind[k] !== 0) continue;
    const u = eL[k] as number;
    const e = eR[k] as number;
    if ((qL[u] as number) === 0 || (qR[e] as number) === 0) {
      kind[k] = 1;
      continue;
    }
    degL[u] = (degL[u] as number) + 1;
    degR[e] = (degR[e] as number) + 1;
  }
  let totalL = 0;
  let totalR = 0;
  for (let u = 0; u < nL; u++) totalL += Math.min(qL[u] as number, degL[u] as number);
  for (let e = 0; e < nR; e++) totalR += Math.min(qR[e] as number, degR[e] as number);

  // the side with the smaller total quota sends the flow (fewer shortest-path searches)
  const leftSends = totalL <= totalR;
  const nA = leftSends ? nL : nR;
  const nB = leftSends ? nR : nL;
  const endA = leftSends ? eL : eR;
  const endB = leftSends ? eR : eL;
  const degA = leftSends ? degL : degR;
  const degB = leftSends ? degR : degL;
  const quotaA = leftSends ? qL : qR;
  const quotaB = leftSends ? qR : qL;
  const prioA = leftSends ? kL : kR;
  const prioB = leftSends ? kR : kL;

  // receiving nodes without candidates stay out of the network (compact ids 0..nBc−1)
  const bId = new Int32Array(nB);
  let nBc = 0;
  for (let b = 0; b < nB; b++) bId[b] = (degB[b] as number) > 0 ? nBc++ : -1;
  const bOrig = new Int32Array(nBc);
  for (let b = 0; b < nB; b++) if ((bId[b] as number) >= 0) bOrig[bId[b] as number] = b;

  const start = new Int32Array(nA + 1);
  for (let a = 0; a < nA; a++) start[a + 1] = (start[a] as number) + (degA[a] as number);
  const mm = start[nA] as number;
  const fill = start.slice(0, nA);
  const head = new Int32Array(mm);
  const tail = new Int32Array(mm);
  const gain = new Float64Array(mm);
  const orig = new Int32Array(mm);
  // rows in edge order (sequential reads), then each row sorted by gain, descending: the search
  // stops scanning a row at the first hopeless arc
  for (let k = 0; k < m; k++) {
    if (kind[k] !== 0) continue;
    const a = endA[k] as number;
    const j = fill[a] as number;
    fill[a] = j + 1;
    orig[j] = k;
  }
  // one scattered write stream above, then gathers row by row
  for (let j = 0; j < mm; j++) {
    const k = orig[j] as number;
    head[j] = nA + (bId[endB[k] as number] as number);
    gain[j] = score[k] as number;
  }
  sortRowsByGain(start, head, gain, orig);
  // the same pair on two edges could be used twice: reject it
  const stamp = new Int32Array(nBc).fill(-1);
  const stampJ = new Int32Array(nBc);
  for (let a = 0; a < nA; a++) {
    const e = start[a + 1] as number;
    for (let j = start[a] as number; j < e; j++) {
      tail[j] = a;
      const b = (head[j] as number) - nA;
      if (stamp[b] === a) {
        const k = Math.max(orig[j] as number, orig[stampJ[b] as number] as number);
        throw new InvalidInputError(`edgeRight[${k}]`, "the same pair appears on two edges");
      }
      stamp[b] = a;
      stampJ[b] = j;
    }
  }
  const qA = new Int32Array(nA);
  const kA = new Int32Array(nA);
  const rB = new Int32Array(nBc);
  const kB = new Int32Array(nBc);
  const degBc = new Int32Array(nBc);
  // Quotas beyond the degree are truncated to degree + 1 (priority and plain units separately):
  // the optimum is unchanged and, because a unit always stays open, so are the residual arcs, so
  // the potentials remain valid prices for the untruncated quotas.
  let prioUnits = 0;
  for (let a = 0; a < nA; a++) {
    const d = degA[a] as number;
    if (d === 0) continue;
    const q = quotaA[a] as number;
    const k = prioA === null ? 0 : Math.min(prioA[a] as number, q);
    kA[a] = Math.min(k, d + 1);
    qA[a] = (kA[a] as number) + Math.min(q - k, d + 1);
    prioUnits += kA[a] as number;
  }
  for (let c = 0; c < nBc; c++) {
    const b = bOrig[c] as number;
    const d = degB[b] as number;
    degBc[c] = d;
    const r = quotaB[b] as number;
    const k = prioB === null ? 0 : Math.min(prioB[b] as number, r);
    kB[c] = Math.min(k, d + 1);
    rB[c] = (kB[c] as number) + Math.min(r - k, d + 1);
    prioUnits += kB[c] as number;
  }
  // a bonus above any score range (pairs ≤ min total quota, |score| ≤ maxAbs), so priority units
  // come first; it depends only on quotas and maxAbs, which verifyPruning can re-check
  const bonus = hasPriority ? priorityBonusFor(problem.leftQuota, problem.rightQuota, maxAbs) : 0;
  // exactness: every potential and distance stays well inside the safe integers
  if (
    (Math.min(totalL, totalR) + 1) * maxAbs * 8 > MAX_SAFE ||
    bonus * (prioUnits + 4) > MAX_SAFE
  ) {
    throw new InvalidInputError("edgeScore", "scores too large for exact float64 arithmetic");
  }
  const net: FlowNetwork = {
    nA,
    nB: nBc,
    start,
    head,
    tail,
    gain,
    qA,
    kA,
    rB,
    kB,
    degB: degBc,
    bonus,
  };

  const remaining = maxPairs - pinnedCount;
  let flow = runSsp(net, "unit", 0);
  if (flow.pairs > remaining) flow = runSsp(net, "source", remaining);

  // solution edges
  const chosen = new Int32Array(flow.pairs + pinnedCount);
  let c = 0;
  let objective = pinnedScore;
  for (let j = 0; j < mm; j++) {
    if (flow.used[j] === 1) {
      const k = orig[j] as number;
      chosen[c++] = k;
      objective += score[k] as number;
    }
  }
  if (pinnedCount > 0) for (let k = 0; k < m; k++) if (kind[k] === 2) chosen[c++] = k;
  chosen.sort();
  const hasPair = new Uint8Array(nL);
  let matchedLeft = 0;
  for (let i = 0; i < chosen.length; i++) {
    const u = eL[chosen[i] as number] as number;
    if (hasPair[u] === 0) {
      hasPair[u] = 1;
      matchedLeft++;
    }
  }

  // dual prices: y[a] = pot[a] − ref, z[b] = ref − pot[b]; y + z ≥ gain on unused arcs. Nodes with
  // no flow and no priority can be raised (to 0, resp. λ) and stay a sound certificate.
  const yA = new Float64Array(nA);
  const zB = new Float64Array(nB);
  const { pot, ref, lambda, flowA, flowB } = flow;
  for (let a = 0; a < nA; a++) {
    const prio = prioA === null ? 0 : (prioA[a] as number);
    let y = (pot[a] as number) - ref;
    if (degA[a] === 0) y = prio > 0 && (quotaA[a] as number) > 0 ? -bonus : 0;
    else if (prio === 0 && flowA[a] === 0 && y < 0) y = 0;
    yA[a] = y;
  }
  for (let b = 0; b < nB; b++) {
    const prio = prioB === null ? 0 : (prioB[b] as number);
    const c = bId[b] as number;
    let z: number;
    if (c < 0) z = prio > 0 && (quotaB[b] as number) > 0 ? lambda - bonus : lambda;
    else {
      z = ref - (pot[nA + c] as number);
      if (prio === 0 && flowB[c] === 0 && z < lambda) z = lambda;
    }
    zB[b] = z;
  }
  const left = leftSends ? yA : zB;
  const right = leftSends ? zB : yA;
  // nodes without remaining quota cost nothing in the dual: price them above their edges
  let zeroQuota = false;
  for (let u = 0; u < nL && !zeroQuota; u++) zeroQuota = qL[u] === 0;
  for (let e = 0; e < nR && !zeroQuota; e++) zeroQuota = qR[e] === 0;
  for (let k = 0; zeroQuota && k < m; k++) {
    if (kind[k] === 2 || (qL[eL[k] as number] as number) > 0) continue;
    const u = eL[k] as number;
    left[u] = Math.max(
      left[u] as number,
      (score[k] as number) - (right[eR[k] as number] as number),
    );
  }
  for (let k = 0; zeroQuota && k < m; k++) {
    if (
      kind[k] === 2 ||
      (qR[eR[k] as number] as number) > 0 ||
      (qL[eL[k] as number] as number) === 0
    )
      continue;
    const e = eR[k] as number;
    right[e] = Math.max(
      right[e] as number,
      (score[k] as number) - (left[eL[k] as number] as number),
    );
  }
  return {
    edges: chosen,
    objective,
    matchedLeft,
    potentials: { left, right },
    priorityBonus: bonus,
  };
}

/**
 * Returns the indices of `extra` edges whose reduced gain score − left[u] − right[e] is positive
 * under the solution's dual prices; an empty result proves that adding them cannot raise the
 * optimum, so a solve on a pruned candidate set was exact.
 *
 * `problem` is the problem that was solved. With priorities the prices include
 * `priorityBonus` per priority unit; if the extra edges widen the score range beyond what that bonus
 * dominates, every extra edge is returned (nothing certified). Pinned edges are outside the check.
 */
export function verifyPruning(
  solution: AssignmentSolution & { priorityBonus?: number },
  problem: AssignmentProblem,
  extra: ExtraEdges,
): Int32Array {
  const { left, right } = solution.potentials;
  if (left.length !== problem.leftCount) {
    throw new InvalidInputError(
      "solution.potentials.left",
      `must have length ${problem.leftCount}`,
    );
  }
  if (right.length !== problem.rightCount) {
    throw new InvalidInputError(
      "solution.potentials.right",
      `must have length ${problem.rightCount}`,
    );
  }
  const m = extra.edgeLeft.length;
  if (extra.edgeRight.length !== m)
    throw new InvalidInputError("extra.edgeRight", "length mismatch");
  if (extra.edgeScore.length !== m)
    throw new InvalidInputError("extra.edgeScore", "length mismatch");
  const eL = readEndpoints("extra.edgeLeft", extra.edgeLeft, problem.leftCount);
  const eR = readEndpoints("extra.edgeRight", extra.edgeRight, problem.rightCount);
  let maxAbs = 0;
  for (let k = 0; k < problem.edgeScore.length; k++)
    maxAbs = Math.max(maxAbs, Math.abs(problem.edgeScore[k] as number));
  for (let k = 0; k < m; k++) {
    const s = extra.edgeScore[k] as number;
    if (!Number.isFinite(s)) throw new InvalidInputError(`extra.edgeScore[${k}]`, "must be finite");
    maxAbs = Math.max(maxAbs, Math.abs(s));
  }
  const bonus = solution.priorityBonus ?? 0;
  if (bonus > 0 && bonus < priorityBonusFor(problem.leftQuota, problem.rightQuota, maxAbs)) {
    // the bonus no longer dominates the score range of the larger edge set: nothing is certified
    const all = new Int32Array(m);
    for (let k = 0; k < m; k++) all[k] = k;
    return all;
  }
  const out: number[] = [];
  for (let k = 0; k < m; k++) {
    const s = extra.edgeScore[k] as number;
    if (s > (left[eL[k] as number] as number) + (right[eR[k] as number] as number)) out.push(k);
  }
  return Int32Array.from(out);
}

/** Bonus per priority unit: above the score range of any solution (2 · pairs bound · maxAbs). */
function priorityBonusFor(
  leftQuota: ArrayLike<number>,
  rightQuota: ArrayLike<number>,
  maxAbs: number,
): number {
  let sl = 0;
  let sr = 0;
  for (let i = 0; i < leftQuota.length; i++) sl += leftQuota[i] as number;
  for (let i = 0; i < rightQuota.length; i++) sr += rightQuota[i] as number;
  return 2 * Math.min(sl, sr) * maxAbs + 1;
}

function checkCount(field: string, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidInputError(field, `must be an integer ≥ 0, got ${n}`);
}

function readCounts(field: string, values: ArrayLike<number>, n: number): Int32Array {
  if (values?.length !== n) throw new InvalidInputError(field, `must have length ${n}`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q = values[i] as number;
    if (!Number.isInteger(q) || q < 0 || q > 0x3fffffff) {
      throw new InvalidInputError(`${field}[${i}]`, `must be an integer ≥ 0, got ${q}`);
    }
    out[i] = q;
  }
  return out;
}

function readEndpoints(field: string, ends: ArrayLike<number>, n: number): Int32Array {
  const m = ends.length;
  if (ends instanceof Int32Array) {
    for (let k = 0; k < m; k++) {
      const x = ends[k] as number;
      if (x < 0 || x >= n)
        throw new InvalidInputError(
          `${field}[${k}]`,
          `must be a node index in [0, ${n}), got ${x}`,
        );
    }
    return ends;
  }
  const out = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const x = ends[k] as number;
    if (!Number.isInteger(x) || x < 0 || x >= n) {
      throw new InvalidInputError(`${field}[${k}]`, `must be a node index in [0, ${n}), got ${x}`);
    }
    out[k] = x;
  }
  return out;
}

function readIndices(field: string, idx: ArrayLike<number>, m: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i] as number;
    if (!Number.isInteger(k) || k < 0 || k >= m) {
      throw new InvalidInputError(`${field}[${i}]`, `must be an edge index in [0, ${m}), got ${k}`);
    }
    out.push(k);
  }
  return out;
}

function isIn(list: ArrayLike<number>, k: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === k) return true;
  return false;
}

function sumOf(a: Int32Array | null): number {
  if (a === null) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/**
 * Sorts each CSR row by gain, descending, ties by edge index (rows arrive in edge order):
 * insertion sort for short or nearly sorted rows, a counting sort when the row's score range is
 * small, a comparison sort otherwise.
 */
function sortRowsByGain(
  start: Int32Array,
  head: Int32Array,
  gain: Float64Array,
  orig: Int32Array,
): void {
  const n = start.length - 1;
  let bucket = new Int32Array(0);
  let tmpH = new Int32Array(0);
  let tmpG = new Float64Array(0);
  let tmpO = new Int32Array(0);
  for (let a = 0; a < n; a++) {
    const s0 = start[a] as number;
    const e = start[a + 1] as number;
    const len = e - s0;
    if (len < 2) continue;
    let sorted = true;
    let lo = gain[s0] as number;
    let hi = lo;
    for (let j = s0 + 1; j < e; j++) {
      const g = gain[j] as number;
      if (g > (gain[j - 1] as number)) sorted = false;
      if (g < lo) lo = g;
      if (g > hi) hi = g;
    }
    if (sorted) continue;
    if (len <= 32) {
      for (let j = s0 + 1; j < e; j++) {
        const g = gain[j] as number;
        const h = head[j] as number;
        const o = orig[j] as number;
        let i = j - 1;
        while (i >= s0 && (gain[i] as number) < g) {
          gain[i + 1] = gain[i] as number;
          head[i + 1] = head[i] as number;
          orig[i + 1] = orig[i] as number;
          i--;
        }
        gain[i + 1] = g;
        head[i + 1] = h;
        orig[i + 1] = o;
      }
      continue;
    }
    if (tmpH.length < len) {
      tmpH = new Int32Array(len);
      tmpG = new Float64Array(len);
      tmpO = new Int32Array(len);
    }
    const range = hi - lo + 1;
    if (range <= 4 * len + 1024) {
      if (bucket.length < range + 1) bucket = new Int32Array(range + 1);
      bucket.fill(0, 0, range + 1);
      for (let j = s0; j < e; j++) {
        const i = hi - (gain[j] as number) + 1;
        bucket[i] = (bucket[i] as number) + 1;
      }
      for (let i = 1; i <= range; i++)
        bucket[i] = (bucket[i] as number) + (bucket[i - 1] as number);
      for (let j = s0; j < e; j++) {
        const slot = hi - (gain[j] as number);
        const t = bucket[slot] as number;
        bucket[slot] = t + 1;
        tmpH[t] = head[j] as number;
        tmpG[t] = gain[j] as number;
        tmpO[t] = orig[j] as number;
      }
    } else {
      const idx = new Int32Array(len);
      for (let i = 0; i < len; i++) idx[i] = i;
      idx.sort((x, y) => (gain[s0 + y] as number) - (gain[s0 + x] as number) || x - y);
      for (let i = 0; i < len; i++) {
        const j = s0 + (idx[i] as number);
        tmpH[i] = head[j] as number;
        tmpG[i] = gain[j] as number;
        tmpO[i] = orig[j] as number;
      }
    }
    head.set(tmpH.subarray(0, len), s0);
    gain.set(tmpG.subarray(0, len), s0);
    orig.set(tmpO.subarray(0, len), s0);
  }
}
