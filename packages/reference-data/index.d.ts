/** The data files this package ships, by file name (see LICENSE for each file's licence). */
export declare const REFERENCE_FILE_NAMES: readonly [
  "ua-hromadas.csv",
  "ua-hromadas-war-status-2022.csv",
  "ua-oblasts.csv",
  "ua-oblasts.topo.json",
  "se-kommuner.csv",
  "no-kommuner.csv",
  "twinnings-wikipedia-ua-se-no.csv",
  "SOURCES.md",
];

/** The name of one file this package ships. */
export type ReferenceFileName = (typeof REFERENCE_FILE_NAMES)[number];

/** The folder holding the data files, as a URL ending in `/`. */
export declare const referenceDataUrl: URL;

/**
 * The URL of one data file; throws a TypeError for a name the package does not ship.
 * @example
 * import { readFile } from "node:fs/promises";
 * const csv = await readFile(referenceFileUrl("se-kommuner.csv"), "utf8");
 */
export declare function referenceFileUrl(name: ReferenceFileName): URL;
