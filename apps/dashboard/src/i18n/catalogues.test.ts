import { LOCALES } from "@pobratym/core";
import { describe, expect, it } from "vitest";
import { CATALOGUES, INTL_LOCALE } from "./catalogues";
import type { Message } from "./messages/types";
import { translate } from "./translate";

const placeholders = (message: Message) =>
  [
    ...new Set(
      Object.values(typeof message === "string" ? { other: message } : message)
        .join(" ")
        .match(/\{\w+\}/g) ?? [],
    ),
  ].sort();

describe("message catalogues", () => {
  const englishKeys = Object.keys(CATALOGUES.en).sort();

  it.each(LOCALES)("%s has exactly the English keys", (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)("%s has no empty messages", (locale) => {
    const empty = Object.entries(CATALOGUES[locale]).filter(([, m]) =>
      typeof m === "string" ? m.trim() === "" : Object.values(m).some((v) => !v?.trim()),
    );
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)("%s uses the same placeholders as English in every message", (locale) => {
    const mismatched = englishKeys.filter((key) => {
      const k = key as keyof typeof CATALOGUES.en;
      return placeholders(CATALOGUES[locale][k]).join() !== placeholders(CATALOGUES.en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)("%s gives a plural form for every category its language uses", (locale) => {
    const needed = new Intl.PluralRules(INTL_LOCALE[locale]).resolvedOptions().pluralCategories;
    const missing = Object.entries(CATALOGUES[locale]).flatMap(([key, m]) =>
      typeof m === "string" ? [] : needed.filter((c) => !(c in m)).map((c) => `${key}.${c}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("translate", () => {
  it.each([
    ["en", 1, "1 municipality found"],
    ["en", 2100, "2,100 municipalities found"],
    ["uk", 1, "Знайдено 1 муніципалітет"],
    ["uk", 3, "Знайдено 3 муніципалітети"],
    ["uk", 5, "Знайдено 5 муніципалітетів"],
    ["sv", 2100, "2 100 kommuner hittades"],
    ["nb", 2100, "2 100 kommuner funnet"],
  ] as const)("%s picks the plural form and number format for %d", (locale, count, expected) => {
    // sv and nb group thousands with a no-break space.
    expect(translate(locale, "catalogue.results.count", { count }).replace(/\s/g, " ")).toBe(
      expected,
    );
  });

  it("leaves unknown placeholders visible rather than dropping text", () => {
    expect(translate("en", "error.code", {})).toBe("Error code: {code}");
  });
});
