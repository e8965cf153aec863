import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  type ConferenceInput,
  type ConferenceSchedule,
  type MutualInterest,
  scheduleConference,
} from "./schedule";

/** Deterministic pseudo-random integers (mulberry32) for fixed larger instances. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

function conference(
  leftCount: number,
  rightCount: number,
  rest: Omit<ConferenceInput, "left" | "right" | "interest">,
  weight: (u: number, v: number) => number | undefined,
): ConferenceInput {
  const interest: MutualInterest[] = [];
  for (let u = 0; u < leftCount; u++) {
    for (let v = 0; v < rightCount; v++) {
      const w = weight(u, v);
      if (w !== undefined) interest.push({ leftId: `ua${u}`, rightId: `eu${v}`, weight: w });
    }
  }
  return {
    left: Array.from({ length: leftCount }, (_, u) => ({ id: `ua${u}` })),
    right: Array.from({ length: rightCount }, (_, v) => ({ id: `eu${v}` })),
    interest,
    ...rest,
  };
}

/** Checks every hard rule of a schedule against its input; returns meetings per participant. */
function expectValid(input: ConferenceInput, s: ConferenceSchedule): Map<string, number> {
  const interest = new Map(input.interest.map((p) => [`${p.leftId}|${p.rightId}`, p.weight]));
  const busy = new Set<string>();
  const perRound = new Map<number, number>();
  const pairs = new Set<string>();
  const count = new Map<string, number>();
  let total = 0;
  for (const meeting of s.meetings) {
    expect(meeting.round).toBeGreaterThanOrEqual(1);
    expect(meeting.round).toBeLessThanOrEqual(input.rounds);
    expect(meeting.table).toBeGreaterThanOrEqual(1);
    expect(meeting.table).toBeLessThanOrEqual(input.tables);
    const pair = `${meeting.leftId}|${meeting.rightId}`;
    expect(interest.get(pair)).toBe(meeting.interest);
    expect(pairs.has(pair)).toBe(false);
    pairs.add(pair);
    for (const key of [
      `L${meeting.leftId}@${meeting.round}`,
      `R${meeting.rightId}@${meeting.round}`,
      `T${meeting.table}@${meeting.round}`,
    ]) {
      expect(busy.has(key), `double-booked ${key}`).toBe(false);
      busy.add(key);
    }
    perRound.set(meeting.round, (perRound.get(meeting.round) ?? 0) + 1);
    for (const id of [`L${meeting.leftId}`, `R${meeting.rightId}`]) {
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    total += meeting.interest;
  }
  for (const n of perRound.values()) expect(n).toBeLessThanOrEqual(input.tables);
  expect(s.totalInterest).toBeCloseTo(total, 9);
  for (const [side, key] of [
    ["left", "L"],
    ["right", "R"],
  ] as const) {
    input[side].forEach((p, i) => {
      const got = count.get(`${key}${p.id}`) ?? 0;
      expect(got).toBeLessThanOrEqual(p.maxMeetings ?? input.rounds);
      expect(s.counts[side][i]).toEqual({
        id: p.id,
        meetings: got,
        minimum: p.minMeetings ?? input.minMeetings ?? 0,
      });
    });
  }
  const unmet = [
    ...s.counts.left.filter((c) => c.meetings < c.minimum).map((c) => ({ side: "left", ...c })),
    ...s.counts.right.filter((c) => c.meetings < c.minimum).map((c) => ({ side: "right", ...c })),
  ];
  expect(s.unmet).toEqual(unmet);
  return count;
}

/** Lexicographic optimum (minimum units met, then interest) by enumerating all edge subsets. */
function bruteForce(input: ConferenceInput): { units: number; interest: number } {
  const m = input.interest.length;
  const cap = (side: "left" | "right", id: string) => {
    const p = input[side].find((x) => x.id === id);
    return Math.min(p?.maxMeetings ?? input.rounds, input.rounds);
  };
  const min = (side: "left" | "right", id: string) =>
    input[side].find((x) => x.id === id)?.minMeetings ?? input.minMeetings ?? 0;
  let best = { units: -1, interest: -1 };
  for (let mask = 0; mask < 1 << m; mask++) {
    const count = new Map<string, number>();
    let size = 0;
    let interest = 0;
    let ok = true;
    for (let e = 0; e < m && ok; e++) {
      if ((mask & (1 << e)) === 0) continue;
      const p = input.interest[e] as MutualInterest;
      size++;
      interest += p.weight;
      for (const [side, id] of [
        ["left", p.leftId],
        ["right", p.rightId],
      ] as const) {
        const c = (count.get(`${side}:${id}`) ?? 0) + 1;
        count.set(`${side}:${id}`, c);
        if (c > cap(side, id)) ok = false;
      }
    }
    if (!ok || size > input.rounds * input.tables) continue;
    let units = 0;
    for (const side of ["left", "right"] as const) {
      for (const p of input[side]) {
        units += Math.min(count.get(`${side}:${p.id}`) ?? 0, min(side, p.id));
      }
    }
    if (units > best.units || (units === best.units && interest > best.interest)) {
      best = { units, interest };
    }
  }
  return best;
}

const smallConference = fc
  .record({
    leftCount: fc.integer({ min: 1, max: 3 }),
    rightCount: fc.integer({ min: 1, max: 3 }),
    rounds: fc.integer({ min: 1, max: 3 }),
    tables: fc.integer({ min: 1, max: 3 }),
    minMeetings: fc.integer({ min: 0, max: 2 }),
  })
  .chain((c) =>
    fc
      .record({
        weights: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { freq: 3 }), {
          minLength: c.leftCount * c.rightCount,
          maxLength: c.leftCount * c.rightCount,
        }),
        leftMax: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), {
          minLength: c.leftCount,
          maxLength: c.leftCount,
        }),
        rightMin: fc.array(fc.option(fc.integer({ min: 0, max: 3 })), {
          minLength: c.rightCount,
          maxLength: c.rightCount,
        }),
      })
      .map(({ weights, leftMax, rightMin }) => {
        const input = conference(
          c.leftCount,
          c.rightCount,
          { rounds: c.rounds, tables: c.tables, minMeetings: c.minMeetings },
          (u, v) => weights[u * c.rightCount + v] ?? undefined,
        );
        return {
          ...input,
          left: input.left.map((p, i) => {
            const max = leftMax[i];
            return max === null || max === undefined ? p : { ...p, maxMeetings: max };
          }),
          right: input.right.map((p, i) => {
            const min = rightMin[i];
            return min === null || min === undefined ? p : { ...p, minMeetings: min };
          }),
        };
      }),
  );

describe("scheduleConference", () => {
  it("never double-books a participant or a table and matches the brute-force optimum", () => {
    fc.assert(
      fc.property(smallConference, (input) => {
        const schedule = scheduleConference(input);
        expectValid(input, schedule);
        const best = bruteForce(input);
        const units = [...schedule.counts.left, ...schedule.counts.right].reduce(
          (s, c) => s + Math.min(c.meetings, c.minimum),
          0,
        );
        expect(units).toBe(best.units);
        expect(schedule.totalInterest).toBe(best.interest);
        const owed = [...schedule.counts.left, ...schedule.counts.right].reduce(
          (s, c) => s + c.minimum,
          0,
        );
        // every minimum is met exactly when brute force shows it is feasible
        expect(schedule.unmet.length === 0).toBe(best.units === owed);
      }),
      { numRuns: 200 },
    );
  });

  it("gives all 11 + 11 participants of a Stockholm-style conference 3 meetings in 3 rounds", () => {
    const next = rng(11);
    const input = conference(11, 11, { rounds: 3, tables: 11, minMeetings: 3 }, () => next(10));
    const schedule = scheduleConference(input);
    const count = expectValid(input, schedule);
    expect(schedule.meetings).toHaveLength(33);
    expect(schedule.unmet).toEqual([]);
    expect([...count.values()].every((c) => c === 3)).toBe(true);
    for (let round = 1; round <= 3; round++) {
      expect(schedule.meetings.filter((m) => m.round === round)).toHaveLength(11);
    }
  });

  it("meets the minimum from stated wishes alone when the wishes allow it (11 × 11)", () => {
    // each hromada wished for 3 partners: v = u, u + 1, u + 3 (mod 11), so every partner is wished 3 times
    const wished = (u: number, v: number) =>
      [0, 1, 3].includes((v - u + 11) % 11) ? 1 + ((u * 7 + v) % 4) : undefined;
    const input = conference(11, 11, { rounds: 3, tables: 11, minMeetings: 3 }, wished);
    const schedule = scheduleConference(input);
    expectValid(input, schedule);
    expect(schedule.unmet).toEqual([]);
    expect(schedule.meetings).toHaveLength(33);
  });

  it("uses a weak pair to reach the minimum rather than a second strong meeting", () => {
    // one table, 2 rounds: without the minimum, ua0 would meet both partners (10 + 9)
    const input = conference(2, 2, { rounds: 2, tables: 1, minMeetings: 1 }, (u, v) =>
      u === 0 ? 10 - v : v === 1 ? 0 : undefined,
    );
    const schedule = scheduleConference(input);
    expectValid(input, schedule);
    expect(schedule.unmet).toEqual([]);
    expect(schedule.meetings.map((m) => `${m.leftId}-${m.rightId}:${m.interest}`).sort()).toEqual([
      "ua0-eu0:10",
      "ua1-eu1:0",
    ]);
  });

  it("reports participants whose minimum cannot be met", () => {
    const input = conference(2, 1, { rounds: 1, tables: 5, minMeetings: 1 }, () => 1);
    const schedule = scheduleConference(input);
    expect(schedule.unmet).toEqual([{ side: "left", id: "ua1", meetings: 0, minimum: 1 }]);
  });

  it("drops meetings without interest that nobody needs", () => {
    const input = conference(2, 2, { rounds: 2, tables: 2 }, (u, v) => (u === v ? 4 : 0));
    const schedule = scheduleConference(input);
    expect(schedule.meetings.map((m) => m.interest)).toEqual([4, 4]);
  });

  it("optimises fractional interest", () => {
    const input = conference(2, 2, { rounds: 1, tables: 2 }, (u, v) => (u === v ? 0.25 : 0.3));
    const schedule = scheduleConference(input);
    expectValid(input, schedule);
    expect(schedule.totalInterest).toBeCloseTo(0.6, 12);
  });

  it("schedules 200 × 200 participants with a minimum of 2 in 5 rounds quickly", () => {
    const next = rng(200);
    const input = conference(200, 200, { rounds: 5, tables: 90, minMeetings: 2 }, () => next(100));
    const started = Date.now();
    const schedule = scheduleConference(input);
    const elapsed = Date.now() - started;
    const count = expectValid(input, schedule);
    expect(schedule.unmet).toEqual([]);
    expect(schedule.meetings).toHaveLength(450);
    expect(Math.min(...count.values())).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("returns the same schedule for the same input", () => {
    const next = rng(7);
    const input = conference(15, 12, { rounds: 4, tables: 6, minMeetings: 1 }, () => next(5));
    expect(scheduleConference(input)).toEqual(
      scheduleConference(JSON.parse(JSON.stringify(input))),
    );
  });

  it("returns the documented example", () => {
    const schedule = scheduleConference({
      left: [{ id: "bucha" }, { id: "irpin" }],
      right: [{ id: "vaxjo" }, { id: "boras" }],
      interest: [
        { leftId: "bucha", rightId: "vaxjo", weight: 5 },
        { leftId: "bucha", rightId: "boras", weight: 1 },
        { leftId: "irpin", rightId: "vaxjo", weight: 2 },
      ],
      rounds: 2,
      tables: 1,
      minMeetings: 1,
    });
    expect(schedule.totalInterest).toBe(3);
    expect(schedule.meetings).toEqual([
      { round: 1, table: 1, leftId: "bucha", rightId: "boras", interest: 1 },
      { round: 2, table: 1, leftId: "irpin", rightId: "vaxjo", interest: 2 },
    ]);
    expect(schedule.unmet).toEqual([]);
  });

  const base = (): ConferenceInput => conference(2, 2, { rounds: 2, tables: 2 }, () => 1);
  it.each<[string, (i: ConferenceInput) => ConferenceInput]>([
    ["rounds", (i) => ({ ...i, rounds: 0 })],
    ["tables", (i) => ({ ...i, tables: 1.5 })],
    ["minMeetings", (i) => ({ ...i, minMeetings: -1 })],
    ["left[1].id", (i) => ({ ...i, left: [{ id: "a" }, { id: "a" }] })],
    ["right[0].id", (i) => ({ ...i, right: [{ id: "" }] })],
    ["left[0].maxMeetings", (i) => ({ ...i, left: [{ id: "ua0", maxMeetings: -2 }] })],
    [
      "right[1].minMeetings",
      (i) => ({ ...i, right: [{ id: "eu0" }, { id: "eu1", minMeetings: 0.5 }] }),
    ],
    [
      "interest[0].leftId",
      (i) => ({ ...i, interest: [{ leftId: "x", rightId: "eu0", weight: 1 }] }),
    ],
    [
      "interest[0].rightId",
      (i) => ({ ...i, interest: [{ leftId: "ua0", rightId: "ua0", weight: 1 }] }),
    ],
    [
      "interest[2].weight",
      (i) => ({
        ...i,
        interest: i.interest.map((p, k) => (k === 2 ? { ...p, weight: Number.NaN } : p)),
      }),
    ],
    [
      "interest[1].weight",
      (i) => ({ ...i, interest: i.interest.map((p, k) => (k === 1 ? { ...p, weight: -1 } : p)) }),
    ],
    ["interest[4]", (i) => ({ ...i, interest: [...i.interest, i.interest[0] as MutualInterest] })],
  ])("throws InvalidInputError naming %s", (field, patch) => {
    const bad = patch(base());
    expect(() => scheduleConference(bad)).toThrow(InvalidInputError);
    expect(() => scheduleConference(bad)).toThrow(expect.objectContaining({ field }));
  });
});
