import { describe, expect, it } from "vitest";
import { matchedAreas } from "./accept-round";

describe("matchedAreas", () => {
  it("takes the partnership's areas from the thematic fit's matched needs", () => {
    const components = [
      { code: "size" as const, contribution: 5, data: {} },
      {
        code: "thematic-fit" as const,
        contribution: 20,
        data: {
          matched: [
            { area: "health", needPriority: "high", offerExperience: "expert" },
            { area: "education", needPriority: "low", offerExperience: "basic" },
          ],
          unmatched: ["waste"],
        },
      },
    ];
    expect(matchedAreas(components)).toEqual(["health", "education"]);
  });

  it("gives no areas when nothing matched or the explanation is missing", () => {
    expect(matchedAreas([])).toEqual([]);
    expect(matchedAreas([{ code: "thematic-fit", contribution: 0, data: {} }])).toEqual([]);
  });
});
