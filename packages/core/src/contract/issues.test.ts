import { describe, expect, it } from "vitest";
import { z } from "zod";
import { text } from "../model/common";
import { describeIssue } from "./issues";

const schema = z.strictObject({
  s: z.string().max(3).optional(),
  r: z.string().min(1).optional(),
  n: z.number().int().min(0).max(10).optional(),
  q: z.number().positive().optional(),
  u: z.url().optional(),
  e: z.email().optional(),
  a: z.array(z.string()).max(1).optional(),
  f: z.enum(["x", "y"]).optional(),
  p: z
    .string()
    .regex(/^UA-\d{2}$/)
    .optional(),
  t: text(10).optional(),
});
const first = (value: unknown) => {
  const result = schema.safeParse(value);
  const issue = result.error?.issues[0];
  if (!issue) throw new Error("expected an issue");
  return describeIssue(issue);
};

describe("describeIssue", () => {
  it.each([
    [{ s: "abcd" }, { path: "s", code: "too-long", params: { max: 3 } }],
    [{ r: "" }, { path: "r", code: "required", params: {} }],
    [{ n: 11 }, { path: "n", code: "too-big", params: { max: 10 } }],
    [{ n: -1 }, { path: "n", code: "too-small", params: { min: 0 } }],
    [{ n: 1.5 }, { path: "n", code: "not-integer", params: {} }],
    [{ q: 0 }, { path: "q", code: "not-above", params: { min: 0 } }],
    [{ n: "1" }, { path: "n", code: "not-number", params: {} }],
    [{ u: "nope" }, { path: "u", code: "invalid-url", params: {} }],
    [{ e: "nope" }, { path: "e", code: "invalid-email", params: {} }],
    [{ a: ["a", "b"] }, { path: "a", code: "too-many", params: { max: 1 } }],
    [{ f: "z" }, { path: "f", code: "invalid-option", params: {} }],
    [{ p: "46" }, { path: "p", code: "invalid-format", params: {} }],
    [{ t: "a\u0001" }, { path: "t", code: "control-characters", params: {} }],
    [{ zz: 1 }, { path: "", code: "unknown-field", params: { keys: "zz" } }],
  ])("describes %j as a code with parameters", (value, expected) => {
    expect(first(value)).toEqual(expected);
  });
});
