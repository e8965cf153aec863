// The package's only code: where its files are. It uses nothing but `URL` and `import.meta.url`,
// so it runs unchanged in Node, Deno, Bun, workers and bundlers (which treat
// `new URL("…", import.meta.url)` as an asset reference).

/** The data files this package ships, by file name (see LICENSE for each file's licence). */
export const REFERENCE_FILE_NAMES = Object.freeze([
  "ua-hromadas.csv",
  "ua-hromadas-war-status-2022.csv",
  "ua-oblasts.csv",
  "ua-oblasts.topo.json",
  "se-kommuner.csv",
  "no-kommuner.csv",
  "twinnings-wikipedia-ua-se-no.csv",
  "SOURCES.md",
]);

/** The folder holding the data files, as a URL ending in `/`. */
export const referenceDataUrl = new URL("./data/", import.meta.url);

/**
 * The URL of one data file; throws a TypeError for a name the package does not ship.
 * @example
 * import { readFile } from "node:fs/promises";
 * const csv = await readFile(referenceFileUrl("se-kommuner.csv"), "utf8");
 */
export function referenceFileUrl(name) {
  if (!REFERENCE_FILE_NAMES.includes(name)) {
    throw new TypeError(`@pobratym/reference-data has no file ${JSON.stringify(name)}`);
  }
  return new URL(name, referenceDataUrl);
}
