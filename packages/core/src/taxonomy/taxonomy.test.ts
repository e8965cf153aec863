import { describe, expect, it } from "vitest";
import {
  COOPERATION_AREAS,
  CooperationAreaCode,
  cooperationAreaGroup,
  cooperationAreaLabel,
  isCooperationAreaCode,
} from "./cooperation-areas";
import { LOCALES, type Locale } from "./labels";
import {
  SITUATION_CATEGORIES,
  SituationCategory,
  situationLabel,
  situationZone,
} from "./situations";
import { stageLabel } from "./stages";

describe("cooperation areas", () => {
  it("has unique, kebab-case codes", () => {
    const codes = COOPERATION_AREAS.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("covers every area the associations work in", () => {
    const required = [
      "water-sanitation",
      "waste",
      "energy-heating",
      "roads-transport",
      "housing-reconstruction",
      "health",
      "social-services",
      "education",
      "youth-culture",
      "urban-planning",
      "local-democracy",
      "inclusive-leadership",
      "public-administration",
      "crisis-preparedness",
      "displaced-integration",
      "psychosocial-support",
      "local-economy",
      "eu-integration",
      "environment-climate",
      "gender-equality",
    ];
    for (const code of required) expect(isCooperationAreaCode(code)).toBe(true);
  });

  it("labels every area in en, sv, nb and uk, each label distinct per area", () => {
    for (const area of COOPERATION_AREAS) {
      for (const locale of LOCALES)
        expect(cooperationAreaLabel(area.code, locale).length).toBeGreaterThan(2);
    }
    for (const locale of LOCALES) {
      const labels = COOPERATION_AREAS.map((a) => a.labels[locale]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it("rejects unknown codes", () => {
    expect(CooperationAreaCode.safeParse("space-programme").success).toBe(false);
    expect(isCooperationAreaCode("WATER-SANITATION")).toBe(false);
    expect(() => cooperationAreaGroup("nope" as CooperationAreaCode)).toThrow(RangeError);
  });

  it("groups infrastructure and reception areas for situation fit", () => {
    expect(cooperationAreaGroup("water-sanitation")).toBe("infrastructure");
    expect(cooperationAreaGroup("public-administration")).toBe("administration");
    expect(cooperationAreaGroup("psychosocial-support")).toBe("reception");
  });
});

describe("situation categories", () => {
  it.each([
    ["occupied", "war-zone"],
    ["frontline", "war-zone"],
    ["deoccupied", "war-zone"],
    ["rear", "outside"],
  ] as const)("puts %s in KS's %s group", (category, zone) => {
    expect(situationZone(category)).toBe(zone);
    expect(SITUATION_CATEGORIES.find((s) => s.code === category)?.zone).toBe(zone);
  });

  it("labels every category in every language", () => {
    for (const category of SituationCategory.options) {
      for (const locale of LOCALES) expect(situationLabel(category, locale)).not.toBe(category);
    }
  });
});

describe("labels for an untrusted locale", () => {
  it.each(["constructor", "__proto__", "toString"])(
    "falls back to the code for %j instead of an Object.prototype member",
    (locale) => {
      const l = locale as Locale;
      expect(cooperationAreaLabel("education", l)).toBe("education");
      expect(situationLabel("rear", l)).toBe("rear");
      expect(stageLabel("contact", l)).toBe("contact");
    },
  );
});
