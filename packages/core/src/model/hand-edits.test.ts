import { describe, expect, it } from "vitest";
import { effectiveSituation, recordHandEdits } from "./hand-edits";
import { Hromada, type HromadaSituation, Partner } from "./municipality";

const who = { by: "Olena (coordinator)", at: "2025-03-01T09:00:00.000Z" };
const reference: HromadaSituation = {
  category: "frontline",
  occupiedBefore2022: false,
  asOf: "2022-11-23",
  source: "Ministry of Reintegration lists 2022",
};
const correction = {
  category: "occupied" as const,
  asOf: "2025-02-28",
  source: "Order No. 376",
  ...who,
};

describe("effectiveSituation", () => {
  it.each([
    ["a newer correction outranks the reference", correction, "occupied"],
    ["an older correction does not", { ...correction, asOf: "2022-06-01" }, "frontline"],
    ["a correction of the same date does not", { ...correction, asOf: "2022-11-23" }, "frontline"],
  ] as const)("%s", (_label, situation, expected) => {
    const result = effectiveSituation(reference, { situation });
    expect(result.situation.category).toBe(expected);
    expect(result.referenceSituation).toEqual(reference);
  });

  it("lets any correction outrank a reference without a date", () => {
    const { asOf: _none, ...undated } = reference;
    expect(effectiveSituation(undated, { situation: correction }).situation).toMatchObject({
      category: "occupied",
      asOf: "2025-02-28",
      source: "Order No. 376",
    });
  });

  it("keeps a displaced count entered by hand, and gives the reference alone without edits", () => {
    const edits = { displacedHosted: { value: 1234, ...who } };
    expect(effectiveSituation(reference, edits)).toEqual({
      situation: { ...reference, displacedHosted: 1234 },
    });
    expect(effectiveSituation(reference, undefined)).toEqual({ situation: reference });
  });
});

describe("recordHandEdits", () => {
  const hromada = Hromada.parse({
    id: "ua-UA14020010000088496",
    kind: "hromada",
    country: "UA",
    officialCode: "UA14020010000088496",
    names: { local: "Бахмутська міська громада" },
    region: { code: "UA14000000000091971", name: "Донецька" },
    situation: reference,
  });

  it("records a correction and a displaced count with who and when, keeping the reference apart", () => {
    const after = Hromada.parse({
      ...hromada,
      situation: {
        category: "occupied",
        occupiedBefore2022: false,
        asOf: "2025-02-28",
        source: "Order No. 376",
        displacedHosted: 10,
      },
    });
    const result = recordHandEdits(hromada, after, who);
    expect(result.kind === "hromada" && result.situation).toMatchObject({
      category: "occupied",
      displacedHosted: 10,
    });
    expect(result.kind === "hromada" && result.referenceSituation).toEqual(reference);
    expect(result.handEdits).toEqual({
      displacedHosted: { value: 10, ...who },
      situation: { category: "occupied", asOf: "2025-02-28", source: "Order No. 376", ...who },
    });
    expect(Hromada.safeParse(result).success).toBe(true);
  });

  it("records a partner's capacity and political decision", () => {
    const partner = Partner.parse({
      id: "se-0780",
      kind: "partner",
      country: "SE",
      officialCode: "0780",
      names: { local: "Växjö" },
      region: { code: "07", name: "Kronobergs län" },
    });
    const result = recordHandEdits(
      partner,
      { ...partner, capacity: 3, politicalDecision: true },
      who,
    );
    expect(result.handEdits).toEqual({
      capacity: { value: 3, ...who },
      politicalDecision: { value: true, ...who },
    });
    expect(recordHandEdits(partner, partner, who).handEdits).toBeUndefined();
  });
});
