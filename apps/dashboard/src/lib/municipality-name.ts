import type { Locale, MunicipalityNames } from "@pobratym/core";

type Names = Pick<MunicipalityNames, "local" | "uk" | "latin" | "en">;

/**
 * The name to show first in `locale`: Ukrainian readers get Cyrillic; others get a hromada's Latin
 * form (the official transliteration) and a European municipality's own local name (Växjö, Tromsø).
 */
export function displayName(names: Names, kind: "hromada" | "partner", locale: Locale): string {
  if (locale === "uk") return names.uk ?? names.local;
  if (kind === "hromada") return names.latin ?? names.en ?? names.local;
  return names.local;
}

/** A second spelling worth showing beside the display name, or undefined when it adds nothing. */
export function alternateName(
  names: Names,
  kind: "hromada" | "partner",
  locale: Locale,
): string | undefined {
  const shown = displayName(names, kind, locale);
  const other =
    locale === "uk" || kind === "partner"
      ? (names.latin ?? names.local)
      : (names.uk ?? names.local);
  return other !== shown ? other : undefined;
}

/** A region's name in the script that suits `locale`. */
export function regionName(
  region: { name: string; nameLatin?: string | undefined },
  locale: Locale,
): string {
  return locale === "uk" ? region.name : (region.nameLatin ?? region.name);
}
