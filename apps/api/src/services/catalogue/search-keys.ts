import {
  municipalitySearchKeys as coreSearchKeys,
  type Municipality,
  searchKey,
  searchKeyVariants,
} from "@pobratym/core";

// Core keys hold only a-z, 0-9 and single spaces, so `|` can separate the names' keys and a
// match can be told apart as exact, prefix, word prefix or inside a name (core's searchRank).
const SEPARATOR = "|";

/**
 * The search keys a query text may mean (core's searchKeyVariants: the plain key first, then its
 * readings in other spelling systems), `|`-separated; empty when nothing is left. A stored name
 * matches when its keys contain any of them.
 */
export function queryKey(text: string): string {
  return searchKeyVariants(text).join(SEPARATOR);
}

/** The separate keys of a `queryKey` result. */
export function queryKeys(key: string): string[] {
  return key === "" ? [] : key.split(SEPARATOR);
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
