import { describe, expect, it } from "vitest";
import { IllegalTransitionError } from "../errors";
import { LOCALES } from "./labels";
import {
  allowedMoves,
  canMove,
  isForwardMove,
  moveStage,
  STAGES,
  Stage,
  stageLabel,
} from "./stages";

const ALL = Stage.options;

// The whole legal relation, written out by hand so the test does not mirror the implementation.
const LEGAL: Record<Stage, Stage[]> = {
  interest: ["contact", "ended"],
  contact: ["letter-of-intent", "interest", "ended"],
  "letter-of-intent": ["council-decision", "contact", "ended"],
  "council-decision": ["agreement-signed", "letter-of-intent", "ended"],
  "agreement-signed": ["funded-project", "council-decision", "ended"],
  "funded-project": ["active", "agreement-signed", "ended"],
  active: ["funded-project", "paused", "ended"],
  paused: ["active", "ended"],
  ended: [],
};

const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

describe("partnership stage machine", () => {
  it.each(pairs)("decides the move %s → %s exactly as the table says", (from, to) => {
    const legal = LEGAL[from].includes(to);
    expect(canMove(from, to)).toBe(legal);
    const result = moveStage(from, to);
    if (legal) {
      expect(result).toEqual({ ok: true, value: to });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toBeInstanceOf(IllegalTransitionError);
        expect(result.error.code).toBe("illegal-transition");
        expect(result.error.from).toBe(from);
        expect(result.error.to).toBe(to);
        expect([...result.error.allowed].sort()).toEqual([...LEGAL[from]].sort());
      }
    }
  });

  it("lists the allowed moves of every stage", () => {
    for (const stage of ALL)
      expect([...allowedMoves(stage)].sort()).toEqual([...LEGAL[stage]].sort());
  });

  it("never allows staying in place", () => {
    for (const stage of ALL) expect(canMove(stage, stage)).toBe(false);
  });

  it("treats ended as terminal", () => {
    expect(allowedMoves("ended")).toEqual([]);
  });

  it("tells forward moves from steps back", () => {
    expect(isForwardMove("contact", "letter-of-intent")).toBe(true);
    expect(isForwardMove("letter-of-intent", "contact")).toBe(false);
    expect(isForwardMove("paused", "active")).toBe(true);
    expect(isForwardMove("active", "paused")).toBe(false);
    expect(isForwardMove("active", "ended")).toBe(false);
  });

  it("labels every stage in every language", () => {
    expect(STAGES.map((s) => s.code)).toEqual(ALL);
    for (const stage of ALL) {
      for (const locale of LOCALES) expect(stageLabel(stage, locale)).not.toBe("");
    }
    expect(stageLabel("letter-of-intent", "sv")).toBe("Avsiktsförklaring");
  });
});
