import {
  municipalitySearchKeys as coreSearchKeys,
  type Municipality,
  searchKey,
} from "@pobratym/core";

// Core keys hold only a-z, 0-9 and single spaces, so `|` can separate the names' keys and a
// match can be told apart as exact, prefix, word prefix or inside a name (core's searchRank).
const SEPARATOR = "|";

/** The search key of a query text, built as the stored keys are; empty when nothing is left. */
export function queryKey(text: string): string {
  return searchKey(text);
}

/**
 * Every distinct name key of a municipality (aliases such as a hromada's centre included),
 * `|`-separated, for `municipalities.search_keys`.
 */
export function municipalitySearchKeys(m: Pick<Municipality, "names">): string {
  return coreSearchKeys(m.names).join(SEPARATOR);
}

/** The key the catalogue sorts by: the Latin (else English, else local) name's search key. */
export function municipalitySortName(m: Pick<Municipality, "names">): string {
  return searchKey(m.names.latin ?? m.names.en ?? m.names.local);
}
