// Usage: tsx bench/solve.ts DIR [--stable] [--cold]
// Prints exactly one JSON line {"objective":…,"pairs":…,"median_ms":…}. median_ms is the solve time
// alone (median of 3 runs in this process; reading the files is excluded). Without --stable it is
// the exact optimum (solveAssignment); with --stable, deferred acceptance with the Ukrainian side
// (left) proposing, objective = welfare. Scripts outside the repo rely on this output: keep it.
//
// Before timing, the solver runs a few times on small synthetic instances (never on DIR) so that
// V8 has compiled it, as in a long-running server; LEMON, the reference, is compiled ahead of time.
// --cold skips that warm-up and times the first three calls.
import { performance } from "node:perf_hooks";
import { solveAssignment } from "../src/matching/assignment";
import { deferredAcceptance } from "../src/matching/stable";
import type { StableProblem } from "../src/matching/types";
import { readInstance } from "./instance";

const RUNS = 3;

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

function main(): void {
  const args = process.argv.slice(2);
  const stable = args.includes("--stable");
  const cold = args.includes("--cold");
  const dir = args.find((a) => !a.startsWith("--"));
  if (dir === undefined) {
    process.stderr.write("usage: tsx bench/solve.ts DIR [--stable]\n");
    process.exit(2);
  }
  const problem = shape(readInstance(dir));
  if (!cold) warmUp(stable);
  const times: number[] = [];
  let objective = 0;
  let pairs = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    if (stable) {
      const out = deferredAcceptance(problem, { proposing: "left" });
      times.push(performance.now() - t0);
      objective = out.welfare;
      pairs = out.edges.length;
    } else {
      const out = solveAssignment(problem);
      times.push(performance.now() - t0);
      objective = out.objective;
      pairs = out.edges.length;
    }
  }
  times.sort((x, y) => x - y);
  const median = times[RUNS >> 1] as number;
  process.stdout.write(
    `${JSON.stringify({ objective, pairs, median_ms: Math.round(median * 100) / 100 })}\n`,
  );
}

main();
