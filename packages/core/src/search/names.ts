import type { MunicipalityNames } from "../model/municipality";
import { searchKeys } from "./normalise";

/** Every name of a municipality people may search by: local, Ukrainian, Latin, English, aliases. */
export function searchNames(names: MunicipalityNames): string[] {
  const list = [names.local, names.uk, names.latin, names.en, ...(names.aliases ?? [])];
  return list.filter((n): n is string => typeof n === "string" && n.length > 0);
}

/**
 * The distinct search keys of a municipality's names, aliases included: what a store keeps so
 * that a query matches when `searchKey(query)` occurs inside one of them.
 * @example
 * municipalitySearchKeys({ local: "Криворізька міська громада", aliases: ["Кривий Ріг"] });
 * // ["krivoriska miska hromada", "krivi rih"]
 */
export function municipalitySearchKeys(names: MunicipalityNames): string[] {
  return searchKeys(searchNames(names));
}
