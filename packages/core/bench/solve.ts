// Usage: tsx bench/solve.ts DIR [--stable | --lazy=K | --lazy] [--cold]
// Prints exactly one JSON line {"objective":…,"pairs":…,"median_ms":…} (stable modes add
// "digest", a checksum of the matched pairs, so two runs can be compared pair for pair).
// median_ms is the solve time alone (median of 5 runs in this process; reading the files is
// excluded). Without a flag it is the exact optimum (solveAssignment); with --stable, deferred
// acceptance with the Ukrainian side (left) proposing over every candidate pair, objective =
// welfare; with --lazy=K, the same matching found with lists that start at each proposer's best K
// and grow when they run out (--lazy alone: full lists through the lazy code path). Scripts
// outside the repo rely on this output: keep it.
//
// Before timing, the solver runs a few times on small synthetic instances (never on DIR) so that
// V8 has compiled it, as in a long-running server; LEMON, the reference, is compiled ahead of time.
// --cold skips that warm-up and times the first three calls.
import { performance } from "node:perf_hooks";
import { solveAssignment } from "../src/matching/assignment";
import { type LazyStableSource, lazyDeferredAcceptance } from "../src/matching/lazy-stable";
import { deferredAcceptance } from "../src/matching/stable";
import type { StableProblem } from "../src/matching/types";
import { readInstance } from "./instance";

const RUNS = 5;

/**
 * A random instance shaped like the anchors' (deterministic LCG, typed like readInstance's
 * output): each left node keeps its `perLeft` best of `pool` random partners, best first.
 */
function synthetic(
  nL: number,
  nR: number,
  perLeft: number,
  pool: number,
  seed: number,
): StableProblem {
  let x = seed >>> 0;
  const rnd = (n: number): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
  const m = nL * perLeft;
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const edgeScore = new Float64Array(m);
  const edgeLeftPref = new Float64Array(m);
  const edgeRightPref = new Float64Array(m);
  const stamp = new Int32Array(nR).fill(-1);
  let k = 0;
  for (let u = 0; u < nL; u++) {
    const cand: [number, number, number][] = [];
    for (let j = 0; j < pool; j++) {
      let e = rnd(nR);
      while (stamp[e] === u) e = (e + 1) % nR;
      stamp[e] = u;
      cand.push([e, rnd(250), rnd(200)]);
    }
    cand.sort((p, q) => q[1] + q[2] - (p[1] + p[2]) || p[0] - q[0]);
    for (const [e, a, b] of cand.slice(0, perLeft)) {
      edgeLeft[k] = u;
      edgeRight[k] = e;
      edgeLeftPref[k] = a;
      edgeRightPref[k] = b;
      edgeScore[k] = a + b;
      k++;
    }
  }
  const leftQuota = new Int32Array(nL).map(() => 1 + rnd(2));
  const rightQuota = new Int32Array(nR).map(() => 1 + rnd(3));
  return {
    leftCount: nL,
    rightCount: nR,
    leftQuota,
    rightQuota,
    edgeLeft,
    edgeRight,
    edgeScore,
    edgeLeftPref,
    edgeRightPref,
  };
}

/** The same object shape for warm-up and timed runs, so V8's compiled code stays valid. */
function shape(p: StableProblem): StableProblem {
  return {
    leftCount: p.leftCount,
    rightCount: p.rightCount,
    leftQuota: p.leftQuota,
    rightQuota: p.rightQuota,
    edgeLeft: p.edgeLeft,
    edgeRight: p.edgeRight,
    edgeScore: p.edgeScore,
    edgeLeftPref: p.edgeLeftPref,
    edgeRightPref: p.edgeRightPref,
  };
}

function warmUp(stable: boolean): void {
  // both orientations: more capacity on the right (sparse-like) and on the left (dense-like)
  const problems = [synthetic(700, 5000, 50, 200, 1), synthetic(700, 300, 300, 300, 2)].map(shape);
  // a small instance with every option, so that rare branches have type feedback too
  const small = shape(synthetic(60, 40, 12, 40, 3));
  const options = [
    { leftPriority: new Int32Array(60).fill(1) },
    { rightPriority: new Int32Array(40).fill(1), maxPairs: 30 },
    { minScore: 200, pinned: [0], forbidden: [1] },
  ];
  for (let r = 0; r < 12; r++) {
    for (const p of problems) {
      if (stable) deferredAcceptance(p, { proposing: "left" });
      else solveAssignment(p);
    }
    if (!stable) for (const o of options) solveAssignment(small, o);
  }
}

/** The instance as a lazy source, Ukrainian side proposing (adjacency built before timing). */
function lazySource(p: StableProblem): LazyStableSource {
  const nL = p.leftCount;
  const start = new Int32Array(nL + 1);
  for (let i = 0; i < p.edgeLeft.length; i++) {
    const u = (p.edgeLeft[i] as number) + 1;
    start[u] = (start[u] as number) + 1;
  }
  for (let u = 0; u < nL; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const edgesOf = new Int32Array(p.edgeLeft.length);
  const fill = start.slice(0, nL);
  for (let i = 0; i < p.edgeLeft.length; i++) {
    const u = p.edgeLeft[i] as number;
    edgesOf[fill[u] as number] = i;
    fill[u] = (fill[u] as number) + 1;
  }
  // The receiver's preference for (u, e), by pair key.
  const acceptorPref = new Map<number, number>();
  for (let i = 0; i < p.edgeLeft.length; i++) {
    acceptorPref.set(
      (p.edgeLeft[i] as number) * p.rightCount + (p.edgeRight[i] as number),
      p.edgeRightPref[i] as number,
    );
  }
  return {
    proposerCount: nL,
    acceptorCount: p.rightCount,
    proposerQuota: p.leftQuota,
    acceptorQuota: p.rightQuota,
    candidates(u, visit) {
      for (let j = start[u] as number; j < (start[u + 1] as number); j++) {
        const i = edgesOf[j] as number;
        visit(p.edgeRight[i] as number, p.edgeLeftPref[i] as number);
      }
    },
    acceptorPreference: (e, u) =>
      acceptorPref.get(u * p.rightCount + e) ?? Number.NEGATIVE_INFINITY,
  };
}

/** A checksum of a set of [left, right] pairs that does not depend on their order. */
function digest(pairs: Iterable<[number, number]>): number {
  let h = 0;
  for (const [u, e] of pairs)
    h = (h + Math.imul(u + 1, 2654435761) + Math.imul(e + 1, 40503)) >>> 0;
  return h;
}

function main(): void {
  const args = process.argv.slice(2);
  const lazyArg = args.find((a) => a === "--lazy" || a.startsWith("--lazy="));
  const lazyK = lazyArg?.startsWith("--lazy=") ? Number(lazyArg.slice(7)) : undefined;
  const stable = args.includes("--stable") || lazyArg !== undefined;
  const cold = args.includes("--cold");
  const dir = args.find((a) => !a.startsWith("--"));
  if (dir === undefined) {
    process.stderr.write("usage: tsx bench/solve.ts DIR [--stable]\n");
    process.exit(2);
  }
  const problem = shape(readInstance(dir));
  if (lazyArg !== undefined) {
    const source = lazySource(problem);
    const scoreOf = new Map<number, number>();
    for (let i = 0; i < problem.edgeLeft.length; i++) {
      scoreOf.set(
        (problem.edgeLeft[i] as number) * problem.rightCount + (problem.edgeRight[i] as number),
        problem.edgeScore[i] as number,
      );
    }
    const options = lazyK === undefined ? {} : { initial: lazyK };
    if (!cold) for (let r = 0; r < 3; r++) lazyDeferredAcceptance(source, options);
    const times: number[] = [];
    let out = lazyDeferredAcceptance(source, options);
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      out = lazyDeferredAcceptance(source, options);
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    let objective = 0;
    for (const [u, e] of out.pairs) objective += scoreOf.get(u * problem.rightCount + e) ?? 0;
    process.stdout.write(
      `${JSON.stringify({
        objective,
        pairs: out.pairs.length,
        median_ms: Math.round((times[RUNS >> 1] as number) * 100) / 100,
        digest: digest(out.pairs),
        listed: out.listed,
      })}\n`,
    );
    return;
  }
  if (!cold) warmUp(stable);
  const times: number[] = [];
  let objective = 0;
  let pairs = 0;
  let matched: [number, number][] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    if (stable) {
      const out = deferredAcceptance(problem, { proposing: "left" });
      times.push(performance.now() - t0);
      objective = out.welfare;
      pairs = out.edges.length;
      matched = Array.from(out.edges, (i) => [
        problem.edgeLeft[i] as number,
        problem.edgeRight[i] as number,
      ]);
    } else {
      const out = solveAssignment(problem);
      times.push(performance.now() - t0);
      objective = out.objective;
      pairs = out.edges.length;
    }
  }
  times.sort((x, y) => x - y);
  const median = times[RUNS >> 1] as number;
  const line = { objective, pairs, median_ms: Math.round(median * 100) / 100 };
  process.stdout.write(`${JSON.stringify(stable ? { ...line, digest: digest(matched) } : line)}\n`);
}

main();
