import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ServiceContext } from "../context";
import { type ReferenceImportOutcome, runReferenceImport } from "./safe-import";

/** Reads the reference CSV files of a folder (names as in @pobratym/reference-data) into memory. */
export async function readReferenceFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  const files: Record<string, Uint8Array> = {};
  for (const name of names) files[name] = new Uint8Array(await readFile(join(dir, name)));
  return files;
}

/** How an import runs: see runReferenceImport. */
export interface ImportOptions {
  /** Check and compute everything, write nothing. */
  dryRun?: boolean;
  /** Skip when the last applied import had the same files and importer (start-up, CLI). */
  skipUnchanged?: boolean;
  /** The largest share of hromadas whose situation may change (POBRATYM_IMPORT_MAX_CHANGE). */
  maxChange?: number;
}

/**
 * Loads reference files into the catalogue, keyed by (country, official code): importing the
 * same files again updates rows and never duplicates them. Every file is checked first and any
 * problem refuses the whole import (ImportRefusedError) with nothing written; otherwise it is
 * applied in one transaction. Returns what changed.
 */
export async function importReference({
  ctx,
  files,
  source,
  ...options
}: {
  ctx: ServiceContext;
  files: Record<string, string | Uint8Array>;
  source?: string;
} & ImportOptions): Promise<ReferenceImportOutcome> {
  return runReferenceImport({ ctx, files, source, ...options });
}

/** Imports the reference folder `dir`; see importReference. */
export async function importReferenceFolder({
  ctx,
  dir,
  ...options
}: {
  ctx: ServiceContext;
  dir: string;
} & ImportOptions): Promise<ReferenceImportOutcome> {
  return importReference({
    ctx,
    files: await readReferenceFolder(dir),
    source: dir,
    ...options,
  });
}
