/**
 * Successive-shortest-path min-cost flow on a bipartite CSR network, the engine behind
 * `solveAssignment`. Internal: the public entry validates input and builds the network.
 *
 * Network. "A" is the side that sends flow (the side with the smaller total quota), "B" the side
 * that receives it. Arc a→b (capacity 1, cost −gain) for each candidate edge, b→T (capacity rB[b],
 * the first kB[b] units cost −bonus, the rest 0).
 *
 * Two modes:
 * - "unit": every unit of an A node is an excess routed to T in turn, either through the network or
 *   by "parking" on a→T (capacity qA[a], the last kA[a] units cost +bonus, the rest 0). Parked
 *   units are unmatched. This is SSP for a network with node supplies: any excess node may be
 *   chosen next, so each Dijkstra has a single source and explores only a small tree.
 * - "source": classic SSP from a super source S with arcs S→a (first kA[a] units cost −bonus) and a
 *   bypass S→T of cost 0. Path costs are monotone, so stopping after `maxPairs` augmentations
 *   gives the best solution with that many pairs. Slower (all free A nodes are sources), so it is
 *   used only when `maxPairs` binds.
 *
 * Invariant (both modes): every residual arc has a non-negative reduced cost
 * cost + pot[tail] − pot[head], with pot[T] (and pot[S]) kept as scalars. Dijkstra stops as soon
 * as T is settled; potentials of settled nodes drop by (D − dist), which keeps the invariant.
 */

/** The bipartite network in CSR form (A-side rows); B nodes are numbered nA..nA+nB−1 in `head`. */
export interface FlowNetwork {
  nA: number;
  nB: number;
  /** Row starts of the A nodes, length nA + 1. */
  start: Int32Array;
  /** Head of each arc as a global node id (nA + b). */
  head: Int32Array;
  /** Tail (A node) of each arc. */
  tail: Int32Array;
  /** Gain (score) of each arc, its cost being −gain; each row sorted by gain, descending. */
  gain: Float64Array;
  /** Units each A node may send. */
  qA: Int32Array;
  /** Priority units of each A node (≤ qA). */
  kA: Int32Array;
  /** Units each B node may receive. */
  rB: Int32Array;
  /** Number of arcs entering each B node. */
  degB: Int32Array;
  /** Priority units of each B node (≤ rB). */
  kB: Int32Array;
  /** Bonus of one priority unit; larger than any possible change of the total gain. */
  bonus: number;
}

/** Final flow and potentials. */
export interface FlowResult {
  /** 1 where the arc carries flow. */
  used: Uint8Array;
  /** Potentials of A nodes then B nodes. */
  pot: Float64Array;
  /** pot[S] in source mode, pot[T] in unit mode: the reference for the dual prices. */
  ref: number;
  /** pot[S] − pot[T] (0 in unit mode): the price of one more pair when `maxPairs` binds. */
  lambda: number;
  /** Units sent by each A node. */
  flowA: Int32Array;
  /** Units received by each B node. */
  flowB: Int32Array;
  /** Number of arcs used. */
  pairs: number;
}

/** Runs SSP in the given mode; `maxPairs` is honoured only in source mode. */
export function runSsp(net: FlowNetwork, mode: "unit" | "source", maxPairs: number): FlowResult {
  const { nA, nB, start, head, tail, gain, qA, kA, rB, kB, degB, bonus } = net;
  const n = nA + nB;
  const m = head.length;
  const unitMode = mode === "unit";

  const used = new Uint8Array(m);
  const pot = new Float64Array(n);
  const dist = new Float64Array(n);
  const seen = new Int32Array(n);
  const pos = new Int32Array(n);
  const pred = new Int32Array(n);
  const heap = new Int32Array(n);
  const settled = new Int32Array(n);
  const flowA = new Int32Array(nA);
  const parked = new Int32Array(nA);
  const flowB = new Int32Array(nB);
  // used arcs entering each B node, in slots of length rB[b]
  const slotStart = new Int32Array(nB + 1);
  for (let b = 0; b < nB; b++) {
    slotStart[b + 1] = (slotStart[b] as number) + Math.min(rB[b] as number, degB[b] as number);
  }
  const slot = new Int32Array(slotStart[nB] as number);
  const arcPos = new Int32Array(m);

  // initial potentials: pot[T] = 0, B nodes ≥ 0 (bonus when a priority unit is open),
  // A nodes dominate every arc
  const potT = 0;
  let maxPotA = 0;
  let maxPotB = 0;
  for (let b = 0; b < nB; b++) {
    if ((kB[b] as number) === 0) continue;
    pot[nA + b] = bonus;
    maxPotB = bonus;
  }
  for (let a = 0; a < nA; a++) {
    let p = 0;
    const s0 = start[a] as number;
    const e = start[a + 1] as number;
    if (maxPotB === 0) {
      // rows are sorted by gain and every B potential is 0: the first arc dominates
      if (s0 < e) p = Math.max(0, gain[s0] as number);
    } else {
      for (let k = s0; k < e; k++) {
        const v = (gain[k] as number) + (pot[head[k] as number] as number);
        if (v > p) p = v;
      }
    }
    pot[a] = p;
    if (p > maxPotA) maxPotA = p;
  }
  let potS = maxPotA + bonus;

  let size = 0;
  let iter = 0;
  let pairs = 0;
  let nextA = 0;
  let unitsLeft = nA > 0 ? (qA[0] as number) : 0;
  // each pass: pick a source, run Dijkstra until T is settled, update potentials, augment
  for (;;) {
    let source = -1;
    if (unitMode) {
      while (unitsLeft === 0 && nextA + 1 < nA) unitsLeft = qA[++nextA] as number;
      if (unitsLeft === 0) break;
      unitsLeft--;
      source = nextA;
    } else if (pairs >= maxPairs) {
      break;
    }
    iter++;
    size = 0;
    let nSettled = 0;
    let tKey = Number.POSITIVE_INFINITY;
    let tFrom = -1;
    if (unitMode) {
      seen[source] = iter;
      dist[source] = 0;
      pred[source] = -1;
      heap[0] = source;
      pos[source] = 0;
      size = 1;
    } else {
      tKey = potS - potT; // bypass S→T
      for (let a = 0; a < nA; a++) {
        const f = flowA[a] as number;
        if (f >= (qA[a] as number)) continue;
        const key = (f < (kA[a] as number) ? -bonus : 0) + potS - (pot[a] as number);
        if (key >= tKey) continue;
        seen[a] = iter;
        dist[a] = key;
        pred[a] = -1;
        siftUp(heap, pos, dist, a, key, size++);
      }
    }
    while (size > 0) {
      const v = heap[0] as number;
      const d = dist[v] as number;
      if (d >= tKey) break;
      size = popMin(heap, pos, dist, size);
      pos[v] = -1;
      settled[nSettled++] = v;
      const base = d + (pot[v] as number);
      if (v < nA) {
        if (unitMode) {
          // park one unit of v (residual: v has an open unit or a used arc)
          const key =
            base +
            ((parked[v] as number) < (qA[v] as number) - (kA[v] as number) ? 0 : bonus) -
            potT;
          if (key < tKey) {
            tKey = key;
            tFrom = v;
          }
        }
        // arcs are sorted by gain, descending, and B potentials never exceed maxPotB
        const cut = base - maxPotB;
        const e = start[v + 1] as number;
        for (let k = start[v] as number; k < e; k++) {
          const g = gain[k] as number;
          if (cut - g >= tKey) break;
          if (used[k] === 1) continue;
          const w = head[k] as number;
          const pw = pot[w] as number;
          const nd = base - g - pw;
          if (nd >= tKey) continue;
          const grown = relax(heap, pos, dist, seen, pred, iter, w, nd, k, size);
          if (grown < 0) continue;
          size = grown;
          // T through w right away (sound: if T wins through an unsettled w, then dist[w] = D)
          const cnt = flowB[w - nA] as number;
          if (cnt < (rB[w - nA] as number)) {
            const key = nd + pw + (cnt < (kB[w - nA] as number) ? -bonus : 0) - potT;
            if (key < tKey) {
              tKey = key;
              tFrom = w;
            }
          }
        }
      } else {
        const b = v - nA;
        const cnt = flowB[b] as number;
        if (cnt < (rB[b] as number)) {
          const key = base + (cnt < (kB[b] as number) ? -bonus : 0) - potT;
          if (key < tKey) {
            tKey = key;
            tFrom = v;
          }
        }
        const s0 = slotStart[b] as number;
        const e = s0 + cnt;
        for (let j = s0; j < e; j++) {
          const k = slot[j] as number;
          const w = tail[k] as number;
          const nd = base + (gain[k] as number) - (pot[w] as number);
          if (nd >= tKey) continue;
          const grown = relax(heap, pos, dist, seen, pred, iter, w, nd, k, size);
          if (grown >= 0) size = grown;
        }
      }
    }
    // potentials: settled nodes drop by (D − dist); T keeps its potential, S drops by D
    const D = tKey;
    for (let i = 0; i < nSettled; i++) {
      const v = settled[i] as number;
      pot[v] = (pot[v] as number) - (D - (dist[v] as number));
    }
    if (!unitMode) potS -= D;
    if (tFrom < 0) break; // source mode: the bypass won, no improving path is left

    let v = tFrom;
    let exitArc = -1;
    if (v < nA) parked[v] = (parked[v] as number) + 1;
    for (;;) {
      const k = pred[v] as number;
      if (k < 0) break;
      if (v >= nA) {
        const b = v - nA;
        used[k] = 1;
        if (exitArc < 0) {
          const j = (slotStart[b] as number) + (flowB[b] as number);
          slot[j] = k;
          arcPos[k] = j;
          flowB[b] = (flowB[b] as number) + 1;
        } else {
          const j = arcPos[exitArc] as number;
          slot[j] = k;
          arcPos[k] = j;
        }
        v = tail[k] as number;
        exitArc = -1;
      } else {
        used[k] = 0;
        exitArc = k;
        v = head[k] as number;
      }
    }
    if (!unitMode) {
      flowA[v] = (flowA[v] as number) + 1;
      pairs++;
    }
  }

  if (unitMode) {
    for (let k = 0; k < m; k++) {
      if (used[k] === 1) {
        pairs++;
        const a = tail[k] as number;
        flowA[a] = (flowA[a] as number) + 1;
      }
    }
  }
  const ref = unitMode ? potT : potS;
  return { used, pot, ref, lambda: unitMode ? 0 : potS - potT, flowA, flowB, pairs };
}

/**
 * Offers distance nd to node w via arc k; returns the new heap size, or −1 when nothing changed.
 * One shared helper for both relax sites, so V8 has type feedback for its rarer branches.
 */
function relax(
  heap: Int32Array,
  pos: Int32Array,
  dist: Float64Array,
  seen: Int32Array,
  pred: Int32Array,
  iter: number,
  w: number,
  nd: number,
  k: number,
  size: number,
): number {
  if (seen[w] !== iter) {
    seen[w] = iter;
    dist[w] = nd;
    pred[w] = k;
    siftUp(heap, pos, dist, w, nd, size);
    return size + 1;
  }
  const p = pos[w] as number;
  if (p < 0 || nd >= (dist[w] as number)) return -1;
  dist[w] = nd;
  pred[w] = k;
  siftUp(heap, pos, dist, w, nd, p);
  return size;
}

function siftUp(
  heap: Int32Array,
  pos: Int32Array,
  dist: Float64Array,
  v: number,
  d: number,
  i0: number,
): void {
  let i = i0;
  while (i > 0) {
    const pi = (i - 1) >> 1;
    const w = heap[pi] as number;
    if ((dist[w] as number) <= d) break;
    heap[i] = w;
    pos[w] = i;
    i = pi;
  }
  heap[i] = v;
  pos[v] = i;
}

/** Removes heap[0]; returns the new size. */
function popMin(heap: Int32Array, pos: Int32Array, dist: Float64Array, size0: number): number {
  const size = size0 - 1;
  if (size === 0) return 0;
  const v = heap[size] as number;
  const d = dist[v] as number;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= size) break;
    let w = heap[c] as number;
    let dw = dist[w] as number;
    const c2 = c + 1;
    if (c2 < size) {
      const w2 = heap[c2] as number;
      const d2 = dist[w2] as number;
      if (d2 < dw) {
        c = c2;
        w = w2;
        dw = d2;
      }
    }
    if (dw >= d) break;
    heap[i] = w;
    pos[w] = i;
    i = c;
  }
  heap[i] = v;
  pos[v] = i;
  return size;
}
