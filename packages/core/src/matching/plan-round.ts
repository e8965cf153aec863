import { InvalidInputError } from "../errors";
import { type ExtraEdges, solveAssignment, verifyPruning } from "./assignment";
import { type DecisiveComponent, markDecisive } from "./decisive";
import { type LazyStableSource, lazyDeferredAcceptance } from "./lazy-stable";
import { countLeftOut, type LeftOutCode, type LeftOutCount, municipalityLeftOut } from "./left-out";
import type { HromadaProfile, PairRef, PartnerProfile } from "./profiles";
import {
  compileScorer,
  type PairFlag,
  type PreparedHromada,
  type PreparedPartner,
  type ScoreOptions,
  type Scorer,
} from "./score";
import { TopK } from "./suggest";
import type { AssignmentProblem, AssignmentSolution } from "./types";

/** Options of a national matching round. */
export interface PlanRoundOptions extends ScoreOptions {
  /** Partners wanted per hromada: one number for all (default 1) or a number per hromada id (missing ids get 1). */
  demand?: number | Readonly<Record<string, number>>;
  /** Pairs that must be in the plan (they use up demand and capacity); even below `minScore`. */
  pinned?: readonly PairRef[];
  /** Pairs that must never be in the plan. */
  forbidden?: readonly PairRef[];
  /** Pairs scoring below this (on the 0–100 scale) are never proposed. */
  minScore?: number;
  /** Lexicographic goal: first as many hromadas matched as possible, then the highest total score. */
  maximiseMatched?: boolean;
  /**
   * Candidate pruning: keep only each hromada's k best partners and each partner's k best
   * hromadas; the result is then certified (or repaired) against all pairs with dual prices.
   */
  candidatesPerSide?: number;
  /** Scores are multiplied by this and rounded to integers for the exact solver (default 100). */
  scale?: number;
  /** `optimal` (default) maximises the total score; `stable` runs deferred acceptance. */
  mode?: "optimal" | "stable";
  /** In stable mode, which side proposes (and gets its best stable outcome); default hromadas. */
  proposing?: "hromadas" | "partners";
  /**
   * Hromadas occupied before 2022 can neither receive visits nor be rebuilt by a partner now, so
   * rounds leave them out unless this is true.
   */
  includeOccupiedBefore2022?: boolean;
}

/** One pair of a round plan, with the reasons behind it. */
export interface RoundPair {
  hromadaId: string;
  partnerId: string;
  score: number;
  /** The score as the solver saw it: `round(score × scale)`. */
  integerScore: number;
  pinned: boolean;
  /**
   * Every component (they sum to the score); decisive where removing it would move the partner
   * down the hromada's own ranked list of candidates.
   */
  components: DecisiveComponent[];
  /** True when the pair has no thematic fit (only with `policy.requireThematicFit: false`, or pinned). */
  exploratory: boolean;
  flags: PairFlag[];
}

/** What the plan did about candidate pruning, and whether the result is proven exact. */
export interface PruningReport {
  /** `candidatesPerSide`, or null when every pair was a candidate. */
  k: number | null;
  /** Candidate pairs given to the solver in the last solve. */
  candidateEdges: number;
  /** True when no left-out pair could raise the optimum (`method` says how that was shown). */
  certified: boolean;
  /**
   * `complete`: every pair was a candidate. `dual-certificate`: the solver's prices form an
   * optimal dual solution and no left-out pair beats them. `full-solve`: no such proof, so every
   * admissible pair was solved again and the better plan kept. `unverified`: too large for that.
   * `lazy-lists` (stable mode): deferred acceptance grew each proposer's list whenever it ran out,
   * so the matching is the stable matching over all admissible pairs, whatever `k` is.
   */
  method: "complete" | "dual-certificate" | "full-solve" | "unverified" | "lazy-lists";
  /** Solves run: 1, plus one per repair round that added violating pairs back. */
  solves: number;
  /** Pairs added back because the dual check found they might help. */
  addedEdges: number;
}

/** The price of stability: the stable matching's welfare next to the optimum on the same candidates. */
export interface StabilityReport {
  proposing: "hromadas" | "partners";
  /** Sum of integer scores of the stable matching. */
  welfare: number;
  /** Sum of integer scores of the optimum (same candidates, pins and options). */
  optimum: number;
  /** `optimum − welfare`, in solver units; never negative when `optimumCertified`. */
  cost: number;
  matchedHromadasAtOptimum: number;
  /** True when the optimum is proven over all admissible pairs (see the pruning report). */
  optimumCertified: boolean;
}

/** The outcome of a national round. */
export interface RoundPlan {
  mode: "optimal" | "stable";
  /** Pairs sorted by hromada id, then partner id. */
  pairs: RoundPair[];
  /** Sum of integer scores of the pairs (solver units). */
  objective: number;
  /** Sum of the pairs' scores on the 0–100 scale. */
  totalScore: number;
  matchedHromadas: number;
  /** Hromadas (by id, sorted) that got no partner. */
  unmatched: string[];
  /** Pairs scored, and how many of them a hard constraint excluded. */
  scoredPairs: number;
  excludedPairs: number;
  pruning: PruningReport;
  stable?: StabilityReport;
  /** Municipalities that could take part in no pair, by reason, with counts. */
  leftOut: LeftOutCount[];
}

const MAX_REPAIRS = 8;
/** Above this many pairs, an uncertified pruned round is not re-solved in full. */
const FULL_SOLVE_LIMIT = 4_000_000;

function fail(field: string, message: string): never {
  throw new InvalidInputError(field, message);
}

function checkPairs(list: unknown, field: string): readonly PairRef[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(field, "expected an array of { hromadaId, partnerId }");
  list.forEach((p, i) => {
    if (p === null || typeof p !== "object")
      fail(`${field}[${i}]`, "expected { hromadaId, partnerId }");
    const { hromadaId, partnerId } = p as PairRef;
    if (typeof hromadaId !== "string") fail(`${field}[${i}].hromadaId`, "expected an id");
    if (typeof partnerId !== "string") fail(`${field}[${i}].partnerId`, "expected an id");
  });
  return list as PairRef[];
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function indexById<T extends { id: string }>(
  items: readonly T[],
  field: string,
): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((x, i) => {
    if (map.has(x.id)) fail(field, `duplicate id "${x.id}"`);
    map.set(x.id, i);
  });
  return map;
}

interface EdgeList {
  left: number[];
  right: number[];
  score: number[];
}

/**
 * Plans a national round: scores every hromada–partner pair (or the top-k candidates from both
 * sides), then finds the exact optimum with `solveAssignment`, or a stable matching with
 * deferred acceptance, under demand, capacity, pins, forbidden pairs and a score floor.
 * @example
 * const plan = planRound(hromadas, partners, { maximiseMatched: true, candidatesPerSide: 20 });
 * for (const p of plan.pairs) console.log(p.hromadaId, p.partnerId, p.components[0]?.code);
 */
export function planRound(
  hromadas: readonly HromadaProfile[],
  partners: readonly PartnerProfile[],
  options: PlanRoundOptions = {},
): RoundPlan {
  if (!Array.isArray(hromadas)) fail("hromadas", "expected an array");
  if (!Array.isArray(partners)) fail("partners", "expected an array");
  if (options === null || typeof options !== "object") fail("options", "expected an object");
  // The thematic floor is on unless the caller asks for exploratory pairs.
  const scorer = compileScorer({
    ...options,
    policy: { requireThematicFit: true, ...options.policy },
  });
  // A pin is the coordinators' own choice: the thematic floor does not apply to it.
  const pinScorer = scorer.policy.requireThematicFit
    ? compileScorer({ ...options, policy: { ...scorer.policy, requireThematicFit: false } })
    : scorer;
  const explainPair = (u: number, e: number) => {
    const h = H[u] as PreparedHromada;
    const p = P[e] as PreparedPartner;
    return pinned.has(key(u, e)) ? pinScorer.explain(h, p) : scorer.explain(h, p);
  };
  const scale = options.scale ?? 100;
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0)
    fail("scale", "expected a positive number");
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  if (typeof minScore !== "number" || Number.isNaN(minScore)) fail("minScore", "expected a number");
  const k = options.candidatesPerSide;
  if (k !== undefined && (!Number.isInteger(k) || k < 1))
    fail("candidatesPerSide", "expected a positive integer");
  const mode = options.mode ?? "optimal";
  if (mode !== "optimal" && mode !== "stable") fail("mode", 'expected "optimal" or "stable"');
  const proposing = options.proposing ?? "hromadas";
  if (proposing !== "hromadas" && proposing !== "partners")
    fail("proposing", 'expected "hromadas" or "partners"');
  if (options.maximiseMatched !== undefined && typeof options.maximiseMatched !== "boolean") {
    fail("maximiseMatched", "expected a boolean");
  }

  // Prepare (validating with field paths in input order), then sort by id for determinism.
  const includeOccupied = options.includeOccupiedBefore2022 ?? false;
  if (typeof includeOccupied !== "boolean") fail("includeOccupiedBefore2022", "expected a boolean");
  const leftOutEntries: { side: "hromada" | "partner"; code: LeftOutCode }[] = [];
  const occupiedIds = new Set<string>();
  const H = hromadas
    .map((h, i) => scorer.prepareHromada(h, `hromadas[${i}]`))
    .filter((h) => {
      if (includeOccupied || !h.occupiedBefore2022) return true;
      occupiedIds.add(h.id);
      leftOutEntries.push({ side: "hromada", code: "occupied-before-2022" });
      return false;
    })
    .sort(byId);
  const P = partners.map((p, j) => scorer.preparePartner(p, `partners[${j}]`)).sort(byId);
  const hIndex = indexById(H, "hromadas");
  const pIndex = indexById(P, "partners");
  const nL = H.length;
  const nR = P.length;

  const leftQuota = new Int32Array(nL).fill(1);
  const demand = options.demand;
  if (typeof demand === "number") {
    if (!Number.isInteger(demand) || demand < 0) fail("demand", "expected a non-negative integer");
    leftQuota.fill(demand);
  } else if (demand !== undefined) {
    if (demand === null || typeof demand !== "object")
      fail("demand", "expected a number or an object by hromada id");
    for (const [id, d] of Object.entries(demand)) {
      const u = hIndex.get(id);
      if (u === undefined && occupiedIds.has(id)) continue;
      if (u === undefined) fail(`demand.${id}`, "unknown hromada id");
      if (!Number.isInteger(d) || d < 0) fail(`demand.${id}`, "expected a non-negative integer");
      leftQuota[u] = d;
    }
  }
  const rightQuota = Int32Array.from(P, (p) => p.remainingCapacity);

  const key = (u: number, e: number) => u * nR + e;
  const resolve = (pair: PairRef, field: string): [number, number] => {
    const u = hIndex.get(pair.hromadaId);
    if (u === undefined && occupiedIds.has(pair.hromadaId))
      fail(`${field}.hromadaId`, "occupied before 2022: left out unless includeOccupiedBefore2022");
    if (u === undefined) fail(`${field}.hromadaId`, `unknown hromada id "${pair.hromadaId}"`);
    const e = pIndex.get(pair.partnerId);
    if (e === undefined) fail(`${field}.partnerId`, `unknown partner id "${pair.partnerId}"`);
    return [u, e];
  };
  const forbidden = new Set<number>();
  checkPairs(options.forbidden, "forbidden").forEach((pair, i) => {
    const [u, e] = resolve(pair, `forbidden[${i}]`);
    forbidden.add(key(u, e));
  });
  const pinned = new Map<number, number>(); // key → float score
  const pinUse = { left: new Int32Array(nL), right: new Int32Array(nR) };
  checkPairs(options.pinned, "pinned").forEach((pair, i) => {
    const [u, e] = resolve(pair, `pinned[${i}]`);
    const f = `pinned[${i}]`;
    if (forbidden.has(key(u, e))) fail(f, "the pair is both pinned and forbidden");
    if (pinned.has(key(u, e))) return;
    const result = pinScorer.explain(H[u] as PreparedHromada, P[e] as PreparedPartner);
    if (result.excluded) {
      fail(f, `the pair is excluded (${result.exclusions.map((x) => x.code).join(", ")})`);
    }
    pinUse.left[u] = (pinUse.left[u] as number) + 1;
    pinUse.right[e] = (pinUse.right[e] as number) + 1;
    if ((pinUse.left[u] as number) > (leftQuota[u] as number))
      fail(f, "more pins than the hromada's demand");
    if ((pinUse.right[e] as number) > (rightQuota[e] as number))
      fail(f, "more pins than the partner's capacity");
    pinned.set(key(u, e), result.score);
  });

  // One pass over all pairs: either keep every admissible pair, or the top k from both sides.
  const batch = scorer.batchPartners(P);
  const columns = new Float64Array(nR);
  const row = new Float64Array(nR);
  /** Scores hromada u against every partner into `row`, indexed like P. */
  const scoreRow = (u: number): Float64Array => {
    scorer.scoreBatch(H[u] as PreparedHromada, batch, columns);
    const source = batch.source;
    for (let j = 0; j < nR; j++) row[source[j] as number] = columns[j] as number;
    return row;
  };
  let excludedPairs = 0;
  const edges: EdgeList = { left: [], right: [], score: [] };
  const inCandidates = new Set<number>();
  const admissible = (u: number, e: number, s: number) =>
    s >= 0 && s >= minScore && !forbidden.has(key(u, e));
  if (k === undefined) {
    for (let u = 0; u < nL; u++) {
      scoreRow(u);
      for (let e = 0; e < nR; e++) {
        const s = row[e] as number;
        if (s < 0) excludedPairs++;
        if (admissible(u, e, s) || pinned.has(key(u, e))) {
          edges.left.push(u);
          edges.right.push(e);
          edges.score.push(pinned.get(key(u, e)) ?? s);
        }
      }
    }
  } else {
    const topH = new TopK(k);
    const topP = Array.from({ length: nR }, () => new TopK(k));
    for (let u = 0; u < nL; u++) {
      scoreRow(u);
      topH.clear();
      for (let e = 0; e < nR; e++) {
        const s = row[e] as number;
        if (s < 0) excludedPairs++;
        if (!admissible(u, e, s)) continue;
        topH.push(s, e);
        (topP[e] as TopK).push(s, u);
      }
      for (const { index: e } of topH.sorted()) inCandidates.add(key(u, e));
    }
    topP.forEach((top, e) => {
      for (const { index: u } of top.sorted()) inCandidates.add(key(u, e));
    });
    for (const kk of pinned.keys()) inCandidates.add(kk);
    const keys = [...inCandidates].sort((a, b) => a - b);
    for (const kk of keys) {
      const u = Math.floor(kk / nR);
      const e = kk - u * nR;
      edges.left.push(u);
      edges.right.push(e);
      edges.score.push(
        pinned.get(kk) ?? scorer.score(H[u] as PreparedHromada, P[e] as PreparedPartner),
      );
    }
  }

  // In stable mode the optimum is only the yardstick for the price of stability: plain maximum
  // total score, so both sides of the comparison play by the same rules.
  const leftPriority =
    options.maximiseMatched && mode === "optimal" ? new Int32Array(nL).fill(1) : undefined;
  const toProblem = (
    list: EdgeList,
  ): AssignmentProblem & { keys: number[]; pinnedEdges: number[] } => {
    const keyAt = (i: number) => key(list.left[i] as number, list.right[i] as number);
    const order = list.left.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < order.length && sorted; i++) sorted = keyAt(i - 1) < keyAt(i);
    if (!sorted) order.sort((a, b) => keyAt(a) - keyAt(b));
    const edgeLeft = Int32Array.from(order, (i) => list.left[i] as number);
    const edgeRight = Int32Array.from(order, (i) => list.right[i] as number);
    const edgeScore = Float64Array.from(order, (i) =>
      Math.round((list.score[i] as number) * scale),
    );
    const keys = order.map((i) => key(list.left[i] as number, list.right[i] as number));
    const pinnedEdges: number[] = [];
    keys.forEach((kk, i) => {
      if (pinned.has(kk)) pinnedEdges.push(i);
    });
    return {
      leftCount: nL,
      rightCount: nR,
      leftQuota,
      rightQuota,
      edgeLeft,
      edgeRight,
      edgeScore,
      keys,
      pinnedEdges,
    };
  };
  const solve = (problem: ReturnType<typeof toProblem>): AssignmentSolution =>
    solveAssignment(problem, {
      pinned: problem.pinnedEdges,
      ...(leftPriority ? { leftPriority } : {}),
    });

  let problem = toProblem(edges);
  let solution = solve(problem);
  let solves = 1;
  let addedEdges = 0;
  let method: PruningReport["method"] = "complete";
  if (k !== undefined) {
    method = "unverified";
    // Repair: add back every left-out admissible pair that the dual prices say might help,
    // hromada by hromada (memory stays O(partners)), and solve again.
    for (let round = 0; round < MAX_REPAIRS; round++) {
      const violators = findViolations(
        H,
        scoreRow,
        solution,
        problem,
        scale,
        (u, e, s) => admissible(u, e, s) && !inCandidates.has(key(u, e)),
      );
      if (violators.left.length === 0) {
        // The check above is only a proof when the prices are an optimal dual solution.
        if (!leftPriority && isOptimalDual(problem, solution)) method = "dual-certificate";
        break;
      }
      violators.left.forEach((u, i) => {
        const e = violators.right[i] as number;
        inCandidates.add(key(u, e));
        edges.left.push(u);
        edges.right.push(e);
        edges.score.push(violators.score[i] as number);
      });
      addedEdges += violators.left.length;
      problem = toProblem(edges);
      solution = solve(problem);
      solves++;
    }
    if (method === "unverified" && nL * nR <= FULL_SOLVE_LIMIT) {
      // No proof from the prices: solve on every admissible pair and keep whichever is better.
      const all: EdgeList = { left: [], right: [], score: [] };
      for (let u = 0; u < nL; u++) {
        scoreRow(u);
        for (let e = 0; e < nR; e++) {
          const s = row[e] as number;
          if (admissible(u, e, s) || pinned.has(key(u, e))) {
            all.left.push(u);
            all.right.push(e);
            all.score.push(pinned.get(key(u, e)) ?? s);
          }
        }
      }
      const fullProblem = toProblem(all);
      const full = solve(fullProblem);
      solves++;
      method = "full-solve";
      if (
        full.matchedLeft > solution.matchedLeft ||
        (full.matchedLeft === solution.matchedLeft && full.objective > solution.objective)
      ) {
        addedEdges += fullProblem.edgeLeft.length - problem.edgeLeft.length;
        problem = fullProblem;
        solution = full;
      }
    }
  }
  const certified = method !== "unverified";

  // Chosen pairs as [hromada, partner, integer score].
  let chosen: [number, number, number][] = Array.from(solution.edges, (idx) => [
    problem.edgeLeft[idx] as number,
    problem.edgeRight[idx] as number,
    problem.edgeScore[idx] as number,
  ]);
  let stable: StabilityReport | undefined;
  let pruning: PruningReport = {
    k: k ?? null,
    candidateEdges: problem.edgeLeft.length,
    certified,
    method,
    solves,
    addedEdges,
  };
  if (mode === "stable") {
    const result = stableRound({
      scorer,
      H,
      P,
      scoreRow,
      admissible: (u, e, s) => admissible(u, e, s) && !pinned.has(key(u, e)),
      pinnedPairs: [...pinned.keys()].map((kk) => {
        const u = Math.floor(kk / nR);
        return [u, kk - u * nR];
      }),
      leftQuota,
      rightQuota,
      proposing,
      scale,
      ...(k === undefined ? {} : { initial: k }),
    });
    chosen = result.pairs.map(([u, e]) => [
      u,
      e,
      Math.round(
        (pinned.get(key(u, e)) ?? scorer.score(H[u] as PreparedHromada, P[e] as PreparedPartner)) *
          scale,
      ),
    ]);
    const welfare = chosen.reduce((sum, [, , x]) => sum + x, 0);
    // Like with like: the optimum beside a stable matching is the plain maximum total score over
    // the same admissible pairs and pins (the stable matching is one of its feasible solutions),
    // never the lexicographic "most hromadas matched first" optimum.
    stable = {
      proposing,
      welfare,
      optimum: solution.objective,
      cost: solution.objective - welfare,
      matchedHromadasAtOptimum: solution.matchedLeft,
      optimumCertified: certified,
    };
    pruning = {
      k: k ?? null,
      candidateEdges: result.listed,
      certified: true,
      method: "lazy-lists",
      solves,
      addedEdges: result.extensions,
    };
  }

  const pairs: RoundPair[] = [];
  const matched = new Uint8Array(nL);
  // The partner ranked right after this one in the hromada's own list, for `decisive`.
  const nextInRow = (u: number, e: number, s: number): number | null => {
    const r = scoreRow(u);
    let next = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < nR; j++) {
      if (j === e) continue;
      const v = r[j] as number;
      if (!admissible(u, j, v)) continue;
      if ((v < s || (v === s && j > e)) && v > next) next = v;
    }
    return next === Number.NEGATIVE_INFINITY ? null : next;
  };
  let objective = 0;
  let totalScore = 0;
  for (const [u, e, integerScore] of chosen) {
    const h = H[u] as PreparedHromada;
    const p = P[e] as PreparedPartner;
    const result = explainPair(u, e);
    if (result.excluded) throw new Error("unreachable: an excluded pair was chosen");
    matched[u] = 1;
    objective += integerScore;
    totalScore += result.score;
    pairs.push({
      hromadaId: h.id,
      partnerId: p.id,
      score: result.score,
      integerScore,
      pinned: pinned.has(key(u, e)),
      components: markDecisive(result.score, result.components, nextInRow(u, e, result.score)),
      exploratory: result.exploratory,
      flags: result.flags,
    });
  }
  pairs.sort(
    (a, b) =>
      byId({ id: a.hromadaId }, { id: b.hromadaId }) ||
      byId({ id: a.partnerId }, { id: b.partnerId }),
  );
  const unmatched = H.filter((_, u) => matched[u] === 0).map((h) => h.id);
  for (const h of H) {
    const code = municipalityLeftOut(scorer, h);
    if (code) leftOutEntries.push({ side: "hromada", code });
  }
  for (const p of P) {
    const code = municipalityLeftOut(scorer, p);
    if (code) leftOutEntries.push({ side: "partner", code });
  }
  return {
    mode,
    pairs,
    objective,
    totalScore,
    matchedHromadas: nL - unmatched.length,
    unmatched,
    scoredPairs: nL * nR,
    excludedPairs,
    pruning,
    ...(stable ? { stable } : {}),
    leftOut: countLeftOut(leftOutEntries),
  };
}

/**
 * True when the solution's prices are an optimal dual of the candidate problem: non-negative,
 * and the dual objective Σ quota·price + Σ max(0, score − y_u − z_e) equals the primal objective
 * (pins taken out on both sides). Only then does "no left-out pair beats the prices" prove that
 * the pruned optimum is the full optimum.
 */
function isOptimalDual(
  problem: AssignmentProblem & { pinnedEdges: number[] },
  solution: AssignmentSolution,
): boolean {
  const { left: y, right: z } = solution.potentials;
  const qL = Float64Array.from(problem.leftQuota);
  const qR = Float64Array.from(problem.rightQuota);
  const pinned = new Set(problem.pinnedEdges);
  let primal = solution.objective;
  for (const i of problem.pinnedEdges) {
    const u = problem.edgeLeft[i] as number;
    const e = problem.edgeRight[i] as number;
    qL[u] = (qL[u] as number) - 1;
    qR[e] = (qR[e] as number) - 1;
    primal -= problem.edgeScore[i] as number;
  }
  let dual = 0;
  for (let u = 0; u < y.length; u++) {
    const v = y[u] as number;
    if (!(v >= -1e-9)) return false;
    dual += (qL[u] as number) * v;
  }
  for (let e = 0; e < z.length; e++) {
    const v = z[e] as number;
    if (!(v >= -1e-9)) return false;
    dual += (qR[e] as number) * v;
  }
  for (let i = 0; i < problem.edgeLeft.length; i++) {
    if (pinned.has(i)) continue;
    const slack =
      (problem.edgeScore[i] as number) -
      (y[problem.edgeLeft[i] as number] as number) -
      (z[problem.edgeRight[i] as number] as number);
    if (slack > 0) dual += slack;
  }
  return Math.abs(dual - primal) <= 1e-6 * Math.max(1, Math.abs(primal));
}

function findViolations(
  H: readonly PreparedHromada[],
  scoreRow: (u: number) => Float64Array,
  solution: AssignmentSolution,
  problem: AssignmentProblem,
  scale: number,
  leftOut: (u: number, e: number, s: number) => boolean,
): EdgeList {
  const out: EdgeList = { left: [], right: [], score: [] };
  const extraRight: number[] = [];
  const extraScore: number[] = [];
  const extraFloat: number[] = [];
  for (let u = 0; u < H.length; u++) {
    const row = scoreRow(u);
    extraRight.length = 0;
    extraScore.length = 0;
    extraFloat.length = 0;
    for (let e = 0; e < row.length; e++) {
      const s = row[e] as number;
      if (!leftOut(u, e, s)) continue;
      extraRight.push(e);
      extraScore.push(Math.round(s * scale));
      extraFloat.push(s);
    }
    if (extraRight.length === 0) continue;
    const extra: ExtraEdges = {
      edgeLeft: new Int32Array(extraRight.length).fill(u),
      edgeRight: extraRight,
      edgeScore: extraScore,
    };
    for (const i of verifyPruning(solution, problem, extra)) {
      out.left.push(u);
      out.right.push(extraRight[i] as number);
      out.score.push(extraFloat[i] as number);
    }
  }
  return out;
}

function stableRound(args: {
  scorer: Scorer;
  H: readonly PreparedHromada[];
  P: readonly PreparedPartner[];
  scoreRow: (u: number) => Float64Array;
  /** Admissible and not pinned. */
  admissible: (u: number, e: number, s: number) => boolean;
  pinnedPairs: [number, number][];
  leftQuota: ArrayLike<number>;
  rightQuota: ArrayLike<number>;
  proposing: "hromadas" | "partners";
  scale: number;
  initial?: number;
}): { pairs: [number, number][]; listed: number; extensions: number } {
  const { scorer, H, P, scoreRow, admissible, proposing, scale } = args;
  // Pins are fixed first; deferred acceptance runs on what is left of demand and capacity.
  const leftQuota = Int32Array.from(args.leftQuota);
  const rightQuota = Int32Array.from(args.rightQuota);
  for (const [u, e] of args.pinnedPairs) {
    leftQuota[u] = (leftQuota[u] as number) - 1;
    rightQuota[e] = (rightQuota[e] as number) - 1;
  }
  // Each side ranks by the shared compatibility plus its own stated preferences only.
  const prefs = (u: number, e: number, s: number) => {
    const parts = scorer.preferenceParts(H[u] as PreparedHromada, P[e] as PreparedPartner);
    return {
      hromada: Math.round((s - parts.partner) * scale),
      partner: Math.round((s - parts.hromada) * scale),
    };
  };
  const scoreOf = (u: number, e: number) =>
    scorer.score(H[u] as PreparedHromada, P[e] as PreparedPartner);
  const byHromadas = proposing === "hromadas";
  const source: LazyStableSource = byHromadas
    ? {
        proposerCount: H.length,
        acceptorCount: P.length,
        proposerQuota: leftQuota,
        acceptorQuota: rightQuota,
        candidates(u, visit) {
          const row = scoreRow(u);
          for (let e = 0; e < row.length; e++) {
            const s = row[e] as number;
            if (admissible(u, e, s)) visit(e, prefs(u, e, s).hromada);
          }
        },
        acceptorPreference: (e, u) => prefs(u, e, scoreOf(u, e)).partner,
      }
    : {
        proposerCount: P.length,
        acceptorCount: H.length,
        proposerQuota: rightQuota,
        acceptorQuota: leftQuota,
        candidates(e, visit) {
          for (let u = 0; u < H.length; u++) {
            const s = scoreOf(u, e);
            if (admissible(u, e, s)) visit(u, prefs(u, e, s).partner);
          }
        },
        acceptorPreference: (u, e) => prefs(u, e, scoreOf(u, e)).hromada,
      };
  const result = lazyDeferredAcceptance(
    source,
    args.initial === undefined ? {} : { initial: args.initial },
  );
  const found: [number, number][] = byHromadas
    ? result.pairs
    : result.pairs.map(([e, u]) => [u, e] as [number, number]);
  return {
    pairs: [...args.pinnedPairs, ...found],
    listed: result.listed,
    extensions: result.extensions,
  };
}
