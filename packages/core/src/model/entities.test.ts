import { describe, expect, it } from "vitest";
import { IllegalTransitionError } from "../errors";
import { CountryCode, IsoDate } from "./common";
import { ContactPerson } from "./contact";
import { Need } from "./need";
import { Offer } from "./offer";
import { changeStage, isDormant, Partnership } from "./partnership";
import { needsReview, Tie } from "./tie";

const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("Need", () => {
  it("accepts a short-term need for generators with a quantity", () => {
    const need = Need.parse({
      id: "n1",
      area: "energy-heating",
      horizon: "short-term",
      priority: "critical",
      quantity: { amount: 12, unit: "generators" },
      description: "Generators for schools before the winter",
    });
    expect(need.status).toBe("open");
  });

  it.each([
    ["an unknown area", { area: "space" }, "area"],
    ["an unknown horizon", { horizon: "someday" }, "horizon"],
    ["a zero quantity", { quantity: { amount: 0, unit: "pcs" } }, "quantity.amount"],
    ["a quantity without a unit", { quantity: { amount: 3 } }, "quantity.unit"],
    ["an overlong description", { description: "x".repeat(2001) }, "description"],
    ["a control character", { description: "a\u0000b" }, "description"],
    ["a right-to-left override", { description: "a\u202Eb" }, "description"],
    ["an unknown status", { status: "done" }, "status"],
  ])("rejects a need with %s", (_l, overrides, path) => {
    const r = Need.safeParse({
      id: "n1",
      area: "water-sanitation",
      horizon: "long-term",
      ...overrides,
    });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });
});

describe("Offer", () => {
  it("accepts an offer with defaults", () => {
    const offer = Offer.parse({ id: "o1", area: "displaced-integration" });
    expect(offer.experience).toBe("experienced");
    expect(offer.resources).toEqual(["expertise"]);
  });

  it.each([
    ["an unknown experience level", { experience: "guru" }, "experience"],
    ["an unknown resource", { resources: ["money-tree"] }, "resources.0"],
    ["an id with spaces", { id: "o 1" }, "id"],
  ])("rejects an offer with %s", (_l, overrides, path) => {
    const r = Offer.safeParse({ id: "o1", area: "education", ...overrides });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });
});

const partnership = Partnership.parse({
  id: "p1",
  hromadaId: "ua-UA61040170000066727",
  partnerIds: ["se-1080", "se-2080"],
  agreementType: "twin-town",
  areas: ["education"],
  funding: ["icld"],
  stage: "contact",
  history: [
    { from: null, to: "interest", at: "2022-05-01T00:00:00Z", by: "coordinator@skr" },
    { from: "interest", to: "contact", at: "2022-06-01T00:00:00Z", by: "coordinator@skr" },
  ],
});

describe("Partnership", () => {
  it("accepts a group partnership with a history", () => {
    expect(partnership.partnerIds).toHaveLength(2);
  });

  it.each([
    ["no partner", { partnerIds: [] }, "partnerIds"],
    ["a partner twice", { partnerIds: ["se-1080", "se-1080"] }, "partnerIds"],
    ["an unknown agreement type", { agreementType: "marriage" }, "agreementType"],
    ["an unknown funder", { funding: ["lottery"] }, "funding.0"],
    ["a stage that disagrees with the history", { stage: "active" }, "stage"],
    [
      "a history date without a time",
      { history: [{ from: null, to: "contact", at: "2022-06-01", by: "x" }] },
      "history.0.at",
    ],
  ])("rejects a partnership with %s", (_l, overrides, path) => {
    const r = Partnership.safeParse({ ...partnership, ...overrides });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });

  it("records a legal stage change with who made it and when", () => {
    const r = changeStage(partnership, "letter-of-intent", {
      at: "2023-06-20T10:00:00Z",
      by: "editor@karlskrona",
      note: "Signed in Stockholm",
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.stage).toBe("letter-of-intent");
      expect(r.value.history.at(-1)).toEqual({
        from: "contact",
        to: "letter-of-intent",
        at: "2023-06-20T10:00:00Z",
        by: "editor@karlskrona",
        note: "Signed in Stockholm",
      });
      expect(Partnership.safeParse(r.value).success).toBe(true);
      expect(partnership.stage).toBe("contact");
    }
  });

  it("returns a typed error for an illegal stage change", () => {
    const r = changeStage(partnership, "active", { at: "2023-01-01T00:00:00Z", by: "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(IllegalTransitionError);
      expect(r.error.allowed).toContain("letter-of-intent");
    }
  });

  it("flags a partnership with no event since the cut-off as dormant", () => {
    expect(isDormant(partnership, "2023-01-01T00:00:00Z")).toBe(true);
    expect(isDormant(partnership, "2022-05-15T00:00:00Z")).toBe(false);
    expect(isDormant({ ...partnership, stage: "ended" }, "2030-01-01T00:00:00Z")).toBe(false);
  });
});

describe("Tie", () => {
  const tie = { id: "t1", municipalityId: "no-5601", foreignTown: "Apatity", foreignCountry: "RU" };

  it("flags active and under-review ties with Russian or Belarusian towns for review", () => {
    expect(needsReview(Tie.parse(tie))).toBe(true);
    expect(needsReview(Tie.parse({ ...tie, status: "under-review" }))).toBe(true);
    expect(needsReview(Tie.parse({ ...tie, foreignCountry: "BY" }))).toBe(true);
  });

  it("does not flag frozen, terminated or other countries' ties", () => {
    expect(needsReview(Tie.parse({ ...tie, status: "frozen", decisionDate: "2022-03-03" }))).toBe(
      false,
    );
    expect(needsReview(Tie.parse({ ...tie, status: "terminated" }))).toBe(false);
    expect(needsReview(Tie.parse({ ...tie, foreignCountry: "FI" }))).toBe(false);
  });

  it.each([
    ["an unknown status", { status: "paused" }, "status"],
    ["a malformed decision date", { decisionDate: "03.03.2022" }, "decisionDate"],
    ["an impossible decision date", { decisionDate: "2022-02-30" }, "decisionDate"],
    ["a country name instead of a code", { foreignCountry: "Russia" }, "foreignCountry"],
  ])("rejects a tie with %s", (_l, overrides, path) => {
    const r = Tie.safeParse({ ...tie, ...overrides });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });
});

describe("common values", () => {
  it("accepts assigned country codes only", () => {
    expect(CountryCode.safeParse("NO").success).toBe(true);
    expect(CountryCode.safeParse("EU").success).toBe(false);
  });

  it("accepts real calendar dates only", () => {
    expect(IsoDate.safeParse("2023-06-20").success).toBe(true);
    expect(IsoDate.safeParse("2023-13-01").success).toBe(false);
  });

  it("accepts contact persons with phone numbers in common formats", () => {
    expect(ContactPerson.safeParse({ name: "Olena", phone: "+380 44 123-45-67" }).success).toBe(
      true,
    );
    expect(ContactPerson.safeParse({ name: "Olena", phone: "call me" }).success).toBe(false);
  });
});
