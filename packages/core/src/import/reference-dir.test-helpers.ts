// Test-only access to the reference data folder. Core compiles without Node types, so the Node
// modules are loaded by a computed specifier and given the few signatures used here.

interface NodeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: "utf8"): string;
  readFileSync(path: string): Uint8Array;
  readdirSync(path: string): string[];
}
interface NodePath {
  join(...parts: string[]): string;
  dirname(path: string): string;
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}

const load = <T>(name: string): Promise<T> => import(/* @vite-ignore */ name) as Promise<T>;
const fs = await load<NodeFs>("node:fs");
const path = await load<NodePath>("node:path");
const url = await load<NodeUrl>("node:url");
const here = path.dirname(url.fileURLToPath((import.meta as { url: string }).url));

/**
 * The data folder of the workspace package @pobratym/reference-data. Core depends on nothing in
 * the workspace, so its tests read the files by path; they are always there, so nothing skips.
 */
export const REFERENCE_DIR = path.join(here, "../../../reference-data/data");

if (!fs.existsSync(path.join(REFERENCE_DIR, "ua-hromadas.csv")))
  throw new Error(`the reference data is missing from ${REFERENCE_DIR}`);

/** Reads one reference file as UTF-8 text. */
export function readReference(file: string): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8");
}

/** Reads every file of the folder as bytes, by file name. */
export function readReferenceFolder(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of fs.readdirSync(REFERENCE_DIR)) {
    files[name] = fs.readFileSync(path.join(REFERENCE_DIR, name));
  }
  return files;
}

/** One column of a simple reference CSV (no quoted commas in the columns the tests read). */
export function referenceColumn(file: string, name: string): string[] {
  const [header, ...lines] = readReference(file).trim().split("\n");
  const index = (header ?? "").split(",").indexOf(name);
  return lines.map((l) => l.split(",")[index] ?? "");
}
