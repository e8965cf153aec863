import { LOCALES } from "@pobratym/core";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../catalogues";
import { ownersEn } from "./en";
import { ownersNb } from "./nb";
import { ownersSv } from "./sv";
import { ownersUk } from "./uk";

const OWNERS = { en: ownersEn, sv: ownersSv, nb: ownersNb, uk: ownersUk } as const;
const keys = Object.keys(ownersEn) as (keyof typeof ownersEn)[];

describe("owners' messages", () => {
  it.each(LOCALES)("%s has every owners' message, merged into its catalogue", (locale) => {
    const own = OWNERS[locale] as Readonly<Record<string, unknown>>;
    expect(Object.keys(own).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(CATALOGUES[locale][key], key).toEqual(own[key]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))(
    "%s translates the owners' messages rather than copying English",
    (locale) => {
      const copied = keys.filter(
        (k) => JSON.stringify(OWNERS[locale][k]) === JSON.stringify(ownersEn[k]),
      );
      // Words that are the same in both languages are allowed, but not whole swathes.
      expect(copied.length, copied.join(", ")).toBeLessThanOrEqual(2);
    },
  );
});
