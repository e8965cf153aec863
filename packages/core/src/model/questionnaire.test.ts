import { describe, expect, it } from "vitest";
import { questionnaireInput } from "./fixtures.test-helpers";
import { Partner } from "./municipality";
import { Offer } from "./offer";
import { Questionnaire, questionnaireToProfile } from "./questionnaire";

const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("questionnaireToProfile", () => {
  const q = Questionnaire.parse(questionnaireInput());
  const { partner, offers } = questionnaireToProfile(q);

  it("produces a valid draft partner profile", () => {
    expect(Partner.parse(partner)).toEqual(partner);
    expect(partner.status).toBe("draft");
    expect(partner.id).toBe("no-4225");
    expect(partner.kind).toBe("partner");
  });

  it("carries capacity, languages (deduplicated), decision and contact", () => {
    expect(partner.capacity).toBe(1);
    expect(partner.workingLanguages).toEqual(["nb", "en"]);
    expect(partner.politicalDecision).toBe(true);
    expect(partner.contacts[0]?.email).toBe("kari@example.no");
    expect(partner.description).toMatch(/long-term partnership/);
  });

  it("maps preferences: regions, zone to situations, size band to a population range", () => {
    expect(partner.preferences.regions).toEqual(["UA-12"]);
    expect(partner.preferences.situations).toEqual(["rear"]);
    expect(partner.preferences.size).toEqual({ min: 100_000 });
  });

  it.each([
    ["war-zone", ["frontline", "deoccupied"]],
    ["outside", ["rear"]],
    ["any", []],
  ] as const)("maps a %s preference to situations %j", (zone, situations) => {
    const p = questionnaireToProfile(
      Questionnaire.parse(questionnaireInput({ preferences: { regions: [], zone, size: "any" } })),
    ).partner;
    expect(p.preferences.situations).toEqual(situations);
    expect(p.preferences.size).toBeUndefined();
  });

  it("turns each area of expertise into one valid offer", () => {
    expect(offers.map((o) => o.area)).toEqual(["displaced-integration", "education"]);
    for (const offer of offers) expect(Offer.parse(offer)).toEqual(offer);
    expect(offers[0]?.experience).toBe("expert");
    expect(offers[0]?.resources).toEqual(["expertise", "study-visits"]);
    expect(new Set(offers.map((o) => o.id)).size).toBe(offers.length);
  });

  it("is pure: the same answers give the same profile", () => {
    expect(questionnaireToProfile(q)).toEqual({ partner, offers });
  });
});

describe("Questionnaire", () => {
  it.each([
    [
      "a Ukrainian municipality",
      { municipality: { ...questionnaireInput().municipality, country: "UA" } },
      "municipality.country",
    ],
    [
      "a wrong kommunenummer",
      { municipality: { ...questionnaireInput().municipality, officialCode: "42" } },
      "municipality.officialCode",
    ],
    ["no expertise", { expertise: [] }, "expertise"],
    [
      "an area twice",
      {
        expertise: [
          { area: "education", experience: "basic" },
          { area: "education", experience: "expert" },
        ],
      },
      "expertise",
    ],
    [
      "four partnerships",
      { capacity: { partnerships: 4, staffHoursPerMonth: 1, annualBudgetEur: 0 } },
      "capacity.partnerships",
    ],
    [
      "a negative budget",
      { capacity: { partnerships: 1, staffHoursPerMonth: 1, annualBudgetEur: -1 } },
      "capacity.annualBudgetEur",
    ],
    ["no language", { languages: [] }, "languages"],
    ["an empty motivation", { motivation: "  " }, "motivation"],
    ["an unknown zone", { preferences: { zone: "north" } }, "preferences.zone"],
  ])("rejects answers with %s", (_l, overrides, path) => {
    const r = Questionnaire.safeParse({ ...questionnaireInput(), ...overrides });
    expect(r.success).toBe(false);
    expect(paths(r)).toContain(path);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "rejects the country %j as unknown instead of throwing",
    (country) => {
      const answers = questionnaireInput();
      const r = Questionnaire.safeParse({
        ...answers,
        municipality: { ...answers.municipality, country },
      });
      expect(r.success).toBe(false);
      expect(paths(r)).toEqual(["municipality.country"]);
    },
  );
});
