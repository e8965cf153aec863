import { describe, expect, it } from "vitest";
import { Partnership } from "../model/partnership";
import { DEMO_DATASET } from "./demo-dataset";
import { REPORTED_PARTNERSHIPS } from "./reported-partnerships";

describe("REPORTED_PARTNERSHIPS", () => {
  it("holds the six ICLD pairs, Vännäs–Slobozhanske and Lyngdal–Kryvyi Rih", () => {
    const byFunding = REPORTED_PARTNERSHIPS.filter((p) => p.funding.includes("icld"));
    expect(byFunding).toHaveLength(6);
    expect(REPORTED_PARTNERSHIPS.map((p) => [p.hromadaId, p.partnerIds])).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^ua-/), ["se-2460"]],
        [expect.stringMatching(/^ua-/), ["no-4225"]],
      ]),
    );
    expect(REPORTED_PARTNERSHIPS).toHaveLength(8);
  });

  it("gives each its source and only the dates the reporting gives", () => {
    for (const p of REPORTED_PARTNERSHIPS) {
      expect(Partnership.parse(p)).toEqual(p);
      expect(p.id).toMatch(/^reported-/);
      expect(p.source).toMatch(/public reporting$/);
      expect(p.history).toEqual([]);
    }
    expect(REPORTED_PARTNERSHIPS.filter((p) => p.signedOn).map((p) => p.signedOn)).toEqual([
      "2023-06-20",
    ]);
  });

  it("keeps the reported stage and areas of the demo's version", () => {
    for (const p of REPORTED_PARTNERSHIPS) {
      const demo = DEMO_DATASET.partnerships.find(
        (d) => d.id === p.id.replace("reported-", "demo-"),
      );
      expect(demo && { ...demo, id: p.id, history: [], source: p.source }).toEqual(p);
    }
  });
});
