import type { Municipality } from "../model/municipality";
import type { Tie } from "../model/tie";
import type { CsvInput } from "./decode";
import { importHromadas, UA_HROMADAS_FILE, UA_WAR_STATUS_FILE } from "./hromadas";
import type { ImportIssue } from "./issues";
import {
  importNorwegianMunicipalities,
  importSwedishMunicipalities,
  NO_MUNICIPALITIES_FILE,
  SE_MUNICIPALITIES_FILE,
} from "./partners";
import { importTwinnings, TWINNINGS_FILE } from "./twinnings";

/** A folder's files by file name (a path is fine: only the last segment counts). */
export type ReferenceFiles = Readonly<Record<string, CsvInput>>;

/** What was read from one file. */
export interface FileCount {
  rows: number;
  imported: number;
  errors: number;
  warnings: number;
}

/** The outcome of `importReferenceFiles`. */
export interface ReferenceImport {
  municipalities: Municipality[];
  ties: Tie[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: {
    /** Per recognised file name. */
    files: Record<string, FileCount>;
    /** Municipalities by country code. */
    byCountry: Record<string, number>;
    hromadas: number;
    partners: number;
    ties: number;
    /** File names that are not reference CSV files and were not read. */
    ignored: string[];
  };
}

/** The file names `importReferenceFiles` reads. */
export const REFERENCE_FILE_NAMES = [
  UA_HROMADAS_FILE,
  UA_WAR_STATUS_FILE,
  SE_MUNICIPALITIES_FILE,
  NO_MUNICIPALITIES_FILE,
  TWINNINGS_FILE,
] as const;

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

function count(
  file: string,
  rows: number,
  imported: number,
  errors: ImportIssue[],
  warnings: ImportIssue[],
): FileCount {
  return {
    rows,
    imported,
    errors: errors.filter((e) => e.file === file).length,
    warnings: warnings.filter((w) => w.file === file).length,
  };
}

/**
 * Imports a folder of reference files, given by file name: `ua-hromadas.csv` (with
 * `ua-hromadas-war-status-2022.csv` for situations), `se-kommuner.csv`, `no-kommuner.csv`, and
 * `twinnings-wikipedia-ua-se-no.csv` (resolved against the municipalities loaded here). Bytes are
 * decoded as UTF-8. Any file may be absent; other names are listed in `counts.ignored`. Bad rows
 * are reported in `errors` and the good rows still load.
 * @example
 * const result = importReferenceFiles({ "se-kommuner.csv": bytes });
 * result.municipalities.length; // 290
 */
export function importReferenceFiles(files: ReferenceFiles): ReferenceImport {
  const byName = new Map<string, CsvInput>();
  const ignored: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const name = baseName(path);
    if ((REFERENCE_FILE_NAMES as readonly string[]).includes(name)) byName.set(name, content);
    else ignored.push(name);
  }

  const municipalities: Municipality[] = [];
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const fileCounts: Record<string, FileCount> = {};
  const add = (
    file: string,
    result: {
      items: readonly unknown[];
      errors: ImportIssue[];
      warnings: ImportIssue[];
      rows: number;
    },
  ) => {
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    fileCounts[file] = count(
      file,
      result.rows,
      result.items.length,
      result.errors,
      result.warnings,
    );
  };

  const ua = byName.get(UA_HROMADAS_FILE);
  const war = byName.get(UA_WAR_STATUS_FILE);
  if (ua !== undefined) {
    const result = importHromadas(ua, war);
    municipalities.push(...result.items);
    add(UA_HROMADAS_FILE, result);
    if (war !== undefined) {
      const warErrors = result.errors.filter((e) => e.file === UA_WAR_STATUS_FILE);
      const warWarnings = result.warnings.filter((w) => w.file === UA_WAR_STATUS_FILE);
      fileCounts[UA_WAR_STATUS_FILE] = {
        rows: result.warStatusRows,
        imported: result.items.filter((h) => h.situation.asOf !== undefined).length,
        errors: warErrors.length,
        warnings: warWarnings.length,
      };
    }
  } else if (war !== undefined) {
    warnings.push({
      file: UA_WAR_STATUS_FILE,
      row: 0,
      code: "missing-file",
      message: `${UA_WAR_STATUS_FILE} was given without ${UA_HROMADAS_FILE}; it was not read`,
    });
  }
  const se = byName.get(SE_MUNICIPALITIES_FILE);
  if (se !== undefined) {
    const result = importSwedishMunicipalities(se);
    municipalities.push(...result.items);
    add(SE_MUNICIPALITIES_FILE, result);
  }
  const no = byName.get(NO_MUNICIPALITIES_FILE);
  if (no !== undefined) {
    const result = importNorwegianMunicipalities(no);
    municipalities.push(...result.items);
    add(NO_MUNICIPALITIES_FILE, result);
  }
  let ties: Tie[] = [];
  const twin = byName.get(TWINNINGS_FILE);
  if (twin !== undefined) {
    const result = importTwinnings(twin, municipalities);
    ties = result.items;
    add(TWINNINGS_FILE, result);
  }

  const byCountry: Record<string, number> = {};
  for (const m of municipalities) byCountry[m.country] = (byCountry[m.country] ?? 0) + 1;
  return {
    municipalities,
    ties,
    errors,
    warnings,
    counts: {
      files: fileCounts,
      byCountry,
      hromadas: municipalities.filter((m) => m.kind === "hromada").length,
      partners: municipalities.filter((m) => m.kind === "partner").length,
      ties: ties.length,
      ignored,
    },
  };
}
