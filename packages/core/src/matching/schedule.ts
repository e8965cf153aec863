import { InvalidInputError } from "../errors";
import { solveAssignment } from "./assignment";
import { equitableEdgeColouring } from "./edge-colouring";
import type { AssignmentProblem } from "./types";

/** A participant of a matchmaking conference on one side (a hromada or a partner municipality). */
export interface ConferenceParticipant {
  id: string;
  /** Most meetings this participant can attend (rounds they are available for); default `rounds`. */
  maxMeetings?: number;
  /** Fewest meetings this participant should get; default the conference-wide `minMeetings`. */
  minMeetings?: number;
}

/** Mutual interest of a left and a right participant; only listed pairs can meet. */
export interface MutualInterest {
  leftId: string;
  rightId: string;
  /** Finite and ≥ 0; a pair with weight 0 may meet, but only to reach someone's minimum. */
  weight: number;
}

/** Everything needed to plan the 1:1 sessions of a matchmaking conference. */
export interface ConferenceInput {
  /** Left participants (Ukrainian hromadas), ids unique. */
  left: readonly ConferenceParticipant[];
  /** Right participants (partner municipalities), ids unique. */
  right: readonly ConferenceParticipant[];
  /** Candidate pairs with their interest, each pair at most once. */
  interest: readonly MutualInterest[];
  /** Number of meeting rounds (time slots), ≥ 1. */
  rounds: number;
  /** Number of tables, so at most this many meetings run in one round, ≥ 1. */
  tables: number;
  /** Minimum meetings per participant, met wherever feasible; default 0. */
  minMeetings?: number;
}

/** One 1:1 meeting; `round` and `table` are 1-based. */
export interface Meeting {
  round: number;
  table: number;
  leftId: string;
  rightId: string;
  interest: number;
}

/** How many meetings a participant got, against the minimum they were owed. */
export interface ParticipantMeetings {
  id: string;
  meetings: number;
  minimum: number;
}

/** A participant whose minimum could not be met. */
export interface UnmetMinimum extends ParticipantMeetings {
  side: "left" | "right";
}

/** A conference schedule: meetings sorted by round and table, with counts and unmet minimums. */
export interface ConferenceSchedule {
  meetings: Meeting[];
  totalInterest: number;
  counts: { left: ParticipantMeetings[]; right: ParticipantMeetings[] };
  unmet: UnmetMinimum[];
}

/**
 * Plans a matchmaking conference: first as many minimum meetings as can be met, then the highest
 * total interest, with nobody double-booked, no table reused within a round and at most `tables`
 * meetings in each round.
 *
 * The meetings are chosen exactly by `solveAssignment` (quota = each participant's available
 * rounds, maxPairs = rounds × tables, priority = minimum), then spread over the rounds by an
 * equitable edge colouring, which always fits: a participant has at most `rounds` meetings and the
 * rounds differ in size by at most one. Deterministic; a meeting with interest 0 is kept only when
 * it serves someone's minimum.
 *
 * @example
 * const schedule = scheduleConference({
 *   left: [{ id: "bucha" }, { id: "irpin" }],
 *   right: [{ id: "vaxjo" }, { id: "boras" }],
 *   interest: [
 *     { leftId: "bucha", rightId: "vaxjo", weight: 5 },
 *     { leftId: "bucha", rightId: "boras", weight: 1 },
 *     { leftId: "irpin", rightId: "vaxjo", weight: 2 },
 *   ],
 *   rounds: 2,
 *   tables: 1,
 *   minMeetings: 1,
 * });
 * // minimums come first: round 1 bucha–boras (1), round 2 irpin–vaxjo (2); totalInterest 3
 */
export function scheduleConference(input: ConferenceInput): ConferenceSchedule {
  const { rounds, tables } = input;
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new InvalidInputError("rounds", "must be an integer ≥ 1");
  }
  if (!Number.isInteger(tables) || tables < 1) {
    throw new InvalidInputError("tables", "must be an integer ≥ 1");
  }
  const defaultMin = input.minMeetings ?? 0;
  if (!Number.isInteger(defaultMin) || defaultMin < 0) {
    throw new InvalidInputError("minMeetings", "must be an integer ≥ 0");
  }
  const left = readSide("left", input.left, rounds, defaultMin);
  const right = readSide("right", input.right, rounds, defaultMin);
  if (!Array.isArray(input.interest)) {
    throw new InvalidInputError("interest", "must be an array");
  }

  const m = input.interest.length;
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const weight = new Float64Array(m);
  const seen = new Set<string>();
  for (let e = 0; e < m; e++) {
    const pair = input.interest[e] as MutualInterest;
    const u = left.index.get(pair?.leftId);
    if (u === undefined) {
      throw new InvalidInputError(`interest[${e}].leftId`, `unknown left participant`);
    }
    const v = right.index.get(pair.rightId);
    if (v === undefined) {
      throw new InvalidInputError(`interest[${e}].rightId`, `unknown right participant`);
    }
    const w = pair.weight;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new InvalidInputError(`interest[${e}].weight`, "must be a finite number ≥ 0");
    }
    const key = `${u},${v}`;
    if (seen.has(key)) {
      throw new InvalidInputError(`interest[${e}]`, "this pair is already listed");
    }
    seen.add(key);
    edgeLeft[e] = u;
    edgeRight[e] = v;
    weight[e] = w;
  }

  const problem: AssignmentProblem = {
    leftCount: left.ids.length,
    rightCount: right.ids.length,
    leftQuota: left.quota,
    rightQuota: right.quota,
    edgeLeft,
    edgeRight,
    edgeScore: integerScores(
      weight,
      sum(left.quota) + sum(right.quota),
      sum(left.minimum) + sum(right.minimum),
    ),
  };
  const solution = solveAssignment(problem, {
    maxPairs: rounds * tables,
    leftPriority: left.minimum,
    rightPriority: right.minimum,
  });

  // Drop meetings with no interest that no one needs for their minimum.
  const leftCount = new Int32Array(left.ids.length);
  const rightCount = new Int32Array(right.ids.length);
  for (const e of solution.edges) {
    const u = edgeLeft[e] as number;
    const v = edgeRight[e] as number;
    leftCount[u] = (leftCount[u] as number) + 1;
    rightCount[v] = (rightCount[v] as number) + 1;
  }
  const chosen: number[] = [];
  for (const e of solution.edges) {
    const u = edgeLeft[e] as number;
    const v = edgeRight[e] as number;
    const spare =
      (leftCount[u] as number) > (left.minimum[u] as number) &&
      (rightCount[v] as number) > (right.minimum[v] as number);
    if (weight[e] === 0 && spare) {
      leftCount[u] = (leftCount[u] as number) - 1;
      rightCount[v] = (rightCount[v] as number) - 1;
    } else chosen.push(e);
  }

  const colour = equitableEdgeColouring(
    {
      leftCount: left.ids.length,
      rightCount: right.ids.length,
      edgeLeft: chosen.map((e) => edgeLeft[e] as number),
      edgeRight: chosen.map((e) => edgeRight[e] as number),
    },
    rounds,
  );
  // Order by round, then by the left participant's position in the input (then the right's).
  const order = chosen.map((_, i) => i);
  order.sort((a, b) => {
    const ea = chosen[a] as number;
    const eb = chosen[b] as number;
    return (
      (colour[a] as number) - (colour[b] as number) ||
      (edgeLeft[ea] as number) - (edgeLeft[eb] as number) ||
      (edgeRight[ea] as number) - (edgeRight[eb] as number)
    );
  });
  const meetings: Meeting[] = [];
  let totalInterest = 0;
  let table = 0;
  let lastRound = -1;
  for (const i of order) {
    const e = chosen[i] as number;
    const round = (colour[i] as number) + 1;
    table = round === lastRound ? table + 1 : 1;
    lastRound = round;
    const interest = weight[e] as number;
    totalInterest += interest;
    meetings.push({
      round,
      table,
      leftId: left.ids[edgeLeft[e] as number] as string,
      rightId: right.ids[edgeRight[e] as number] as string,
      interest,
    });
  }

  const counts = {
    left: left.ids.map((id, u) => ({
      id,
      meetings: leftCount[u] as number,
      minimum: left.minimum[u] as number,
    })),
    right: right.ids.map((id, v) => ({
      id,
      meetings: rightCount[v] as number,
      minimum: right.minimum[v] as number,
    })),
  };
  const unmet: UnmetMinimum[] = [
    ...counts.left
      .filter((c) => c.meetings < c.minimum)
      .map((c) => ({ side: "left" as const, ...c })),
    ...counts.right
      .filter((c) => c.meetings < c.minimum)
      .map((c) => ({ side: "right" as const, ...c })),
  ];
  return { meetings, totalInterest, counts, unmet };
}

interface Side {
  ids: string[];
  index: Map<unknown, number>;
  quota: Int32Array;
  minimum: Int32Array;
}

function readSide(
  field: "left" | "right",
  participants: readonly ConferenceParticipant[],
  rounds: number,
  defaultMin: number,
): Side {
  if (!Array.isArray(participants)) throw new InvalidInputError(field, "must be an array");
  const n = participants.length;
  const side: Side = {
    ids: [],
    index: new Map(),
    quota: new Int32Array(n),
    minimum: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = participants[i] as ConferenceParticipant;
    const id = p?.id;
    if (typeof id !== "string" || id.length === 0) {
      throw new InvalidInputError(`${field}[${i}].id`, "must be a non-empty string");
    }
    if (side.index.has(id)) {
      throw new InvalidInputError(`${field}[${i}].id`, `duplicate id "${id}"`);
    }
    const max = p.maxMeetings ?? rounds;
    if (!Number.isInteger(max) || max < 0) {
      throw new InvalidInputError(`${field}[${i}].maxMeetings`, "must be an integer ≥ 0");
    }
    const min = p.minMeetings ?? defaultMin;
    if (!Number.isInteger(min) || min < 0) {
      throw new InvalidInputError(`${field}[${i}].minMeetings`, "must be an integer ≥ 0");
    }
    side.index.set(id, i);
    side.ids.push(id);
    side.quota[i] = Math.min(max, rounds);
    side.minimum[i] = min;
  }
  return side;
}

/**
 * The solver works on safe integers: integer weights pass unchanged while the priority arithmetic
 * stays exact; otherwise weights are scaled (by 10⁶, or less when that would overflow) and
 * rounded, so fractional interest is optimised to about a millionth of the largest weight or finer.
 */
function integerScores(
  weight: Float64Array,
  quotaSum: number,
  priorityUnits: number,
): Float64Array {
  let maxWeight = 0;
  let integral = true;
  for (const w of weight) {
    if (w > maxWeight) maxWeight = w;
    if (!Number.isInteger(w)) integral = false;
  }
  if (maxWeight === 0) return weight;
  // the solver needs about 2 · (Σ quota · max score) · (priority units + 4) < 2^53
  const budget = 2 ** 48 / ((2 * quotaSum + 8) * (priorityUnits + 4));
  if (integral && maxWeight <= budget) return weight;
  const scale = Math.min(1e6, budget / maxWeight);
  return weight.map((w) => Math.round(w * scale));
}

function sum(values: Int32Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
