import type { Municipality } from "../model/municipality";
import { parseCsv } from "./csv";
import { decodeText } from "./decode";
import { UA_HROMADAS_FILE, UA_WAR_STATUS_FILE } from "./hromadas";
import type { ImportIssue } from "./issues";
import { NO_MUNICIPALITIES_FILE, SE_MUNICIPALITIES_FILE } from "./partners";
import type { ReferenceFiles, ReferenceImport } from "./reference";
import { TWINNINGS_FILE } from "./twinnings";

/** The official-code column of each municipality file. */
const CODE_COLUMN: Readonly<Record<string, string>> = {
  [UA_HROMADAS_FILE]: "katottg",
  [SE_MUNICIPALITIES_FILE]: "kommunkod",
  [NO_MUNICIPALITIES_FILE]: "kommunenummer",
};
const FILE_OF_COUNTRY: Readonly<Record<string, string>> = {
  UA: UA_HROMADAS_FILE,
  SE: SE_MUNICIPALITIES_FILE,
  NO: NO_MUNICIPALITIES_FILE,
};
const POPULATION_COLUMN: Readonly<Record<string, string>> = {
  UA: "population_2022",
  SE: "population_2024",
  NO: "population",
};

/**
 * Generous bounds of each country's mainland (lat, lon): a centre outside them is a swapped or
 * mistyped coordinate, not a place in that country.
 */
const BOUNDS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  UA: [44, 53, 22, 41],
  SE: [55, 70, 10, 25],
  NO: [57, 72, 4, 32],
};
/** No municipality in these countries has more people (Kyiv: 2.95 million) or more area. */
const MAX_POPULATION = 5_000_000;
const MAX_AREA_KM2 = 30_000;

const UA_FILES = new Set([UA_HROMADAS_FILE, UA_WAR_STATUS_FILE]);

const SEPARATORS: readonly [string, string][] = [
  [";", "semicolons"],
  ["\t", "tabs"],
  ["|", "vertical bars"],
];

/** Where each official code sits in a file: its data row and physical line. */
function rowsByCode(text: string, column: string): Map<string, { row: number; line: number }> {
  const { header, rows } = parseCsv(text);
  const index = header.indexOf(column);
  const out = new Map<string, { row: number; line: number }>();
  if (index < 0) return out;
  for (const r of rows) {
    const code = r.fields[index]?.trim();
    if (code) out.set(code, { row: r.row, line: r.line });
  }
  return out;
}

/** Checks of the file as a whole: its encoding and its field separator. */
function checkFileShape(file: string, text: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const bad = text.split("\n").filter((l) => l.includes("\uFFFD")).length;
  if (bad > 0) {
    issues.push({
      file,
      row: 0,
      code: "wrong-encoding",
      message:
        `${file} is not UTF-8: ${bad} line(s) hold bytes that are not UTF-8 (a spreadsheet may ` +
        "have saved it as Windows-1252); save it again as UTF-8 CSV",
    });
  }
  // Windows-1252 has no Cyrillic: a spreadsheet saving a Ukrainian file in it writes "?" instead.
  if (bad === 0 && UA_FILES.has(file) && !/[\u0400-\u04FF]/.test(text)) {
    issues.push({
      file,
      row: 0,
      code: "wrong-encoding",
      message:
        `${file} holds no Cyrillic letter: it was saved in an encoding without Cyrillic (such as ` +
        "Windows-1252), which replaced the Ukrainian names; export it again as UTF-8 CSV",
    });
  }
  const headerLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  if (!headerLine.includes(",")) {
    const found = SEPARATORS.find(([sep]) => headerLine.includes(sep));
    if (found) {
      issues.push({
        file,
        row: 0,
        line: 1,
        code: "wrong-delimiter",
        message: `${file} separates its fields with ${found[1]}, not commas (a spreadsheet set to a Swedish or German locale does this); save it again as comma-separated CSV`,
      });
    }
  }
  return issues;
}

/** Values no municipality can have, reported at their row. */
function checkValues(
  municipalities: readonly Municipality[],
  files: ReadonlyMap<string, string>,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const rowMaps = new Map<string, Map<string, { row: number; line: number }>>();
  const where = (file: string, code: string) => {
    let map = rowMaps.get(file);
    if (!map) {
      map = rowsByCode(files.get(file) ?? "", CODE_COLUMN[file] ?? "");
      rowMaps.set(file, map);
    }
    return map.get(code) ?? { row: 0, line: 0 };
  };
  for (const m of municipalities) {
    const file = FILE_OF_COUNTRY[m.country];
    if (!file) continue;
    const fail = (field: string, message: string) => {
      const at = where(file, m.officialCode);
      issues.push({ file, ...at, field, code: "impossible-value", message });
    };
    if (m.population !== undefined && (m.population < 1 || m.population > MAX_POPULATION)) {
      fail(
        POPULATION_COLUMN[m.country] ?? "population",
        `${m.officialCode}: a population of ${m.population} is impossible for a municipality`,
      );
    }
    if (m.areaKm2 !== undefined && m.areaKm2 > MAX_AREA_KM2) {
      fail("area_km2", `${m.officialCode}: an area of ${m.areaKm2} km² is impossible here`);
    }
    const bounds = BOUNDS[m.country];
    if (m.centre && bounds) {
      const [latMin, latMax, lonMin, lonMax] = bounds;
      const { lat, lon } = m.centre;
      if (lat < latMin || lat > latMax || lon < lonMin || lon > lonMax) {
        fail("lat", `${m.officialCode}: ${lat}, ${lon} lies outside ${m.country}`);
      }
    }
  }
  return issues;
}

/** The war-status list must cover the hromada file, and name no hromada it lacks. */
function checkWarStatusCoverage(hromadasText: string, warText: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const ua = parseCsv(hromadasText);
  const war = parseCsv(warText);
  const codeAt = ua.header.indexOf("katottg");
  const categoryAt = ua.header.indexOf("category");
  const warCodeAt = war.header.indexOf("katottg");
  if (codeAt < 0 || warCodeAt < 0) return issues;
  const hromadaCodes = new Set<string>();
  const allCodes = new Set<string>();
  for (const r of ua.rows) {
    const code = r.fields[codeAt]?.trim();
    if (!code) continue;
    allCodes.add(code);
    // Kyiv (category K) is a city with special status and not on the hromada lists.
    if (r.fields[categoryAt]?.trim() !== "K") hromadaCodes.add(code);
  }
  const listed = new Set<string>();
  for (const r of war.rows) {
    const code = r.fields[warCodeAt]?.trim();
    if (!code) continue;
    listed.add(code);
    if (!allCodes.has(code)) {
      issues.push({
        file: UA_WAR_STATUS_FILE,
        row: r.row,
        line: r.line,
        field: "katottg",
        code: "unknown-code",
        message: `katottg ${code} is not in ${UA_HROMADAS_FILE}`,
      });
    }
  }
  const missing = [...hromadaCodes].filter((c) => !listed.has(c));
  if (missing.length > 0) {
    issues.push({
      file: UA_WAR_STATUS_FILE,
      row: 0,
      code: "truncated-file",
      message:
        `${missing.length} of ${hromadaCodes.size} hromadas of ${UA_HROMADAS_FILE} are missing from ` +
        `the war-status list (is it truncated?), e.g. ${missing.slice(0, 3).join(", ")}`,
    });
  }
  return issues;
}

/**
 * The checks that make a whole reference import unsafe, run before anything is written: a file
 * that is not UTF-8 or not comma-separated, a value no municipality can have (population,
 * area, a centre outside the country), a war-status code missing from the hromada file, and
 * hromadas missing from the war-status list (a truncated file would turn them all "rear"). An
 * import with any of these, or with any row error of `imported.errors`, should be refused.
 * @example
 * const files = { "se-kommuner.csv": bytes };
 * const blocking = [...checkReferenceFiles(files, importReferenceFiles(files))];
 */
export function checkReferenceFiles(
  files: ReferenceFiles,
  imported: Pick<ReferenceImport, "municipalities">,
): ImportIssue[] {
  const texts = new Map<string, string>();
  for (const [path, input] of Object.entries(files)) {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    if (name.endsWith(".csv")) texts.set(name, decodeText(input));
  }
  const issues: ImportIssue[] = [];
  const known = [
    UA_HROMADAS_FILE,
    UA_WAR_STATUS_FILE,
    SE_MUNICIPALITIES_FILE,
    NO_MUNICIPALITIES_FILE,
    TWINNINGS_FILE,
  ];
  for (const file of known) {
    const text = texts.get(file);
    if (text !== undefined) issues.push(...checkFileShape(file, text));
  }
  issues.push(...checkValues(imported.municipalities, texts));
  const ua = texts.get(UA_HROMADAS_FILE);
  const war = texts.get(UA_WAR_STATUS_FILE);
  if (ua !== undefined && war !== undefined) issues.push(...checkWarStatusCoverage(ua, war));
  return issues;
}
