import { describe, expect, it } from "vitest";
import {
  type MatchCandidate,
  profileChanges,
  questionnaireMismatches,
} from "./questionnaire-review";

const oslo: MatchCandidate = {
  kind: "partner",
  country: "NO",
  officialCode: "0301",
  names: { local: "Oslo", aliases: ["Christiania"] },
};

describe("questionnaireMismatches", () => {
  it.each([
    ["the local name", { country: "NO", officialCode: "0301", name: "Oslo" }, []],
    ["another spelling of it", { country: "NO", officialCode: "0301", name: "  OSLO " }, []],
    ["an alias", { country: "NO", officialCode: "0301", name: "Christiania" }, []],
    [
      "the English name when the local one is off",
      { country: "NO", officialCode: "0301", name: "Oslo kommune x", nameEn: "Oslo" },
      [],
    ],
    [
      "another municipality's name",
      { country: "NO", officialCode: "0301", name: "Tromsø" },
      ["name"],
    ],
    [
      "a name that only contains the real one",
      { country: "NO", officialCode: "0301", name: "Oslo Nord" },
      ["name"],
    ],
    ["another code", { country: "NO", officialCode: "5501", name: "Oslo" }, ["official-code"]],
    ["another country", { country: "SE", officialCode: "0301", name: "Oslo" }, ["country"]],
  ] as const)("compares %s", (_label, typed, expected) => {
    expect(questionnaireMismatches(typed, oslo)).toEqual(expected);
  });

  it("refuses a hromada as the target of a partner questionnaire", () => {
    expect(
      questionnaireMismatches(
        { country: "NO", officialCode: "0301", name: "Oslo" },
        {
          ...oslo,
          kind: "hromada",
        },
      ),
    ).toEqual(["kind"]);
  });
});

describe("profileChanges", () => {
  it("lists only the fields that differ, in the order asked, ignoring key order", () => {
    const before = {
      capacity: 1,
      preferences: { regions: [], situations: ["rear"] },
      website: "x",
    };
    const after = { capacity: 2, preferences: { situations: ["rear"], regions: [] } };
    expect(
      profileChanges(before, after, ["preferences", "website", "capacity", "description"]),
    ).toEqual([
      { field: "website", before: "x", after: null },
      { field: "capacity", before: 1, after: 2 },
    ]);
  });

  it("treats every given field of a new profile as a change", () => {
    expect(profileChanges(null, { capacity: 1 }, ["capacity"])).toEqual([
      { field: "capacity", before: null, after: 1 },
    ]);
  });
});
