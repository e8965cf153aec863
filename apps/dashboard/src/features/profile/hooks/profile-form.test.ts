import type { PublicMunicipality } from "@pobratym/core";
import { describe, expect, it } from "vitest";
import { changedFields, draftFrom, toPatch, validatePatch } from "./profile-form";

const partner: PublicMunicipality = {
  id: "se-0780",
  kind: "partner",
  country: "SE",
  officialCode: "0780",
  names: { local: "Växjö" },
  region: { code: "07", name: "Kronobergs län" },
  status: "published",
  workingLanguages: ["sv"],
  optOut: false,
  excludedIds: [],
  capacity: 1,
  politicalDecision: false,
  preferences: { regions: ["UA-46"], situations: [], size: { min: 10_000 } },
  description: "Old.",
};

describe("profile form", () => {
  it("sends only the changed fields, keeping latest's other preference parts", () => {
    const base = draftFrom(partner);
    const mine = { ...base, regions: "UA-46, UA-12", description: "New." };
    const fields = changedFields("partner", base, mine);
    expect(fields).toEqual(["description", "regions"]);
    const latest = {
      ...partner,
      capacity: 3,
      preferences: { ...partner.preferences, situations: ["rear" as const] },
    };
    expect(toPatch(latest, mine, fields)).toEqual({
      description: "New.",
      preferences: { regions: ["UA-46", "UA-12"], situations: ["rear"], size: { min: 10_000 } },
    });
  });

  it("finds issues with the core schemas, as codes by form field", () => {
    const draft = { ...draftFrom(partner), capacity: "1.5", website: "nope", regions: "46" };
    const patch = toPatch(partner, draft, ["capacity", "website", "regions"]);
    const issues = validatePatch(partner, patch);
    expect(issues.get("capacity")?.code).toBe("not-integer");
    expect(issues.get("website")?.code).toBe("invalid-url");
    expect(issues.get("regions")?.code).toBe("invalid-format");
    expect(validatePatch(partner, toPatch(partner, draftFrom(partner), ["capacity"])).size).toBe(0);
  });
});
