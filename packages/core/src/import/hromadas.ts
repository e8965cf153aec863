import { ownValue } from "../lookup";
import {
  Hromada,
  type HromadaSituation,
  type HromadaType,
  municipalityId,
  officialCodeProblem,
} from "../model/municipality";
import type { SituationCategory } from "../taxonomy/situations";
import type { CsvInput } from "./decode";
import type { ImportIssue, ImportResult } from "./issues";
import { PLACE_ALIASES } from "./place-aliases";
import { readTable, type TableRow } from "./table";

/** The file names `importReferenceFiles` recognises for Ukraine. */
export const UA_HROMADAS_FILE = "ua-hromadas.csv";
/** The file name of the 2022 war-status list. */
export const UA_WAR_STATUS_FILE = "ua-hromadas-war-status-2022.csv";

/** Columns without which the file cannot be imported; the others are read when present. */
const HROMADA_COLUMNS = [
  "katottg",
  "category",
  "name_uk",
  "hromada_type",
  "oblast_katottg",
  "oblast_uk",
  "population_2022",
] as const;

const LIST_COLUMNS = [
  "listed_2022_04_27",
  "listed_2022_06_20",
  "listed_2022_08_23",
  "listed_2022_10_10",
  "listed_2022_11_23",
] as const;
const WAR_STATUS_COLUMNS = [
  "katottg",
  "status_sept_2022",
  "deoccupation_period_2022",
  ...LIST_COLUMNS,
] as const;

/** The date of the latest list in the war-status file, used as the situation's `asOf`. */
const WAR_STATUS_AS_OF = "2022-11-23";
const WAR_STATUS_SOURCE =
  "Ministry of Reintegration lists of 27.04–23.11.2022 via KSE-Loc-Data-Hub (not Order No. 309)";

const HROMADA_TYPES: Readonly<Record<string, HromadaType>> = {
  сільська: "rural",
  селищна: "settlement",
  міська: "urban",
  // Kyiv, the city with special status, is an urban municipality.
  "місто зі спеціальним статусом": "urban",
};

/** SSSU's English labels: "<Latin name> rural TC", "… stlmt TC", "… urban TC". */
const SSSU_TYPE_LABEL: Readonly<Record<HromadaType, string>> = {
  rural: "rural",
  settlement: "stlmt",
  urban: "urban",
};

/** One hromada's row of the 2022 war-status list. */
interface WarStatus {
  status: string;
  deoccupation: string | undefined;
  listed: boolean[];
}

/**
 * Maps one row of the 2022 war-status list (Ministry of Reintegration lists via KSE) to a KS
 * situation category, as at the last list (23 Nov 2022):
 * - `occupied` in September with a `deoccupation_period_2022` of September–October or November
 *   (the Kharkiv and Kherson counter-offensives) → `deoccupied`; otherwise → `occupied`.
 * - `deoccupied` (by September: March–April in the north, early September) → `deoccupied`.
 * - `not occupied, in the war zone` → `frontline` (hostilities).
 * - `not occupied` but on the latest list (`listed_2022_11_23` = 1) → `frontline`; else `rear`.
 * A hromada occupied before 2022 is `occupied` whatever the list says.
 */
export function situationFromWarStatus(
  status: WarStatus,
  occupiedBefore2022: boolean,
): SituationCategory {
  if (occupiedBefore2022) return "occupied";
  switch (status.status) {
    case "occupied":
      return status.deoccupation === "September-October" || status.deoccupation === "November"
        ? "deoccupied"
        : "occupied";
    case "deoccupied":
      return "deoccupied";
    case "not occupied, in the war zone":
      return "frontline";
    default:
      return status.listed.at(-1) ? "frontline" : "rear";
  }
}

const WAR_STATUS_VALUES = new Set([
  "not occupied",
  "not occupied, in the war zone",
  "occupied",
  "deoccupied",
]);
const DEOCCUPATION_VALUES = new Set(["March-April", "September-October", "November"]);

/** Reads the war-status list into a map by KATOTTG code. */
function readWarStatus(
  input: CsvInput,
  file: string,
): { byCode: Map<string, WarStatus>; errors: ImportIssue[]; rows: number; usable: boolean } {
  const table = readTable(file, input, WAR_STATUS_COLUMNS);
  const errors = [...table.errors];
  const byCode = new Map<string, WarStatus>();
  for (const row of table.rows) {
    const code = row.required("katottg");
    const status = row.required("status_sept_2022");
    const deoccupation = row.text("deoccupation_period_2022");
    if (code && officialCodeProblem("UA", code)) {
      row.fail(
        "katottg",
        "invalid-code",
        `katottg ${JSON.stringify(code)}: ${officialCodeProblem("UA", code)}`,
      );
    }
    if (status && !WAR_STATUS_VALUES.has(status)) {
      row.fail(
        "status_sept_2022",
        "invalid-value",
        `unknown status_sept_2022 ${JSON.stringify(status)}`,
      );
    }
    if (deoccupation && !DEOCCUPATION_VALUES.has(deoccupation)) {
      row.fail(
        "deoccupation_period_2022",
        "invalid-value",
        `unknown period ${JSON.stringify(deoccupation)}`,
      );
    }
    const listed = LIST_COLUMNS.map((c) => row.flag(c) ?? false);
    if (code && byCode.has(code))
      row.fail("katottg", "duplicate-code", `katottg ${code} appears twice`);
    if (!row.ok || !code || !status) {
      errors.push(...row.issues);
      continue;
    }
    byCode.set(code, { status, deoccupation, listed });
  }
  return { byCode, errors, rows: table.rowCount, usable: table.usable };
}

const COLUMN_OF_PATH: Readonly<Record<string, string>> = {
  officialCode: "katottg",
  id: "katottg",
  "names.local": "full_name_uk",
  "names.uk": "full_name_uk",
  "names.latin": "full_name_lat",
  "names.en": "name_en_sssu",
  "names.aliases": "center_uk",
  "region.code": "oblast_katottg",
  "region.name": "oblast_uk",
  "region.nameLatin": "oblast_lat",
  "region.iso": "oblast_iso",
  "raion.code": "raion_katottg",
  "raion.name": "raion_uk",
  population: "population_2022",
  areaKm2: "area_km2",
  "centre.lat": "lat",
  "centre.lon": "lon",
};

function columnOf(path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const column = ownValue(COLUMN_OF_PATH, path.slice(0, n).map(String).join("."));
    if (column) return column;
  }
  return undefined;
}

/** Options of `importHromadas`: the file names used in reported issues. */
export interface ImportHromadasOptions {
  file?: string;
  warStatusFile?: string;
}

/**
 * Imports `ua-hromadas.csv` (1,469 hromadas and Kyiv) into validated `Hromada` records, with the
 * situation taken from the 2022 war-status list when it is given (see `situationFromWarStatus`).
 *
 * Mapping: id = `municipalityId("UA", katottg)`; names.local and names.uk = `full_name_uk`
 * ("Криворізька міська громада"), names.latin = `full_name_lat`, names.en = SSSU's English label
 * `name_en_sssu` ("Kryvorizka urban TC") or, where SSSU has none, the same pattern built from
 * `name_lat` (it reproduces every label SSSU does have); names.aliases = the administrative
 * centre in Ukrainian and Latin ("Кривий Ріг", "Kryvyi Rih"), which people search by. Kyiv keeps
 * its short name. Region = oblast (`oblast_katottg`, `oblast_uk`, `oblast_lat`, `oblast_iso`; the
 * file's `oblast_en` has typos and is not used). Population = `population_2022` (1 Jan 2022),
 * centre = `lat`/`lon`, working language `uk`. Without a war-status list, every hromada is `rear`
 * (or `occupied` if occupied before 2022) and one warning says so; a hromada missing from the list
 * gets the same fallback and a warning.
 * @example
 * const { items, errors } = importHromadas(hromadasCsv, warStatusCsv);
 */
export function importHromadas(
  input: CsvInput,
  warStatusInput?: CsvInput,
  options: ImportHromadasOptions = {},
): ImportResult<Hromada> & { warStatusRows: number } {
  const file = options.file ?? UA_HROMADAS_FILE;
  const warFile = options.warStatusFile ?? UA_WAR_STATUS_FILE;
  const table = readTable(file, input, HROMADA_COLUMNS);
  const errors: ImportIssue[] = [...table.errors];
  const warnings: ImportIssue[] = [];
  const read = warStatusInput === undefined ? undefined : readWarStatus(warStatusInput, warFile);
  if (read) errors.push(...read.errors);
  // An unusable list (a missing column) counts as no list, so hromadas are not each warned about.
  const war = read?.usable ? read : undefined;
  if (!war && table.usable) {
    warnings.push({
      file: warFile,
      row: 0,
      code: "missing-file",
      message:
        "no usable war-status list: situations default to rear (occupied if occupied before 2022)",
    });
  }
  const items: Hromada[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const hromada = readHromada(row, war?.byCode, warFile, warnings);
    const code = row.text("katottg");
    if (hromada && code && seen.has(code)) {
      row.fail("katottg", "duplicate-code", `katottg ${code} appears twice`);
    }
    if (!hromada || !row.ok) {
      errors.push(...row.issues);
      continue;
    }
    const parsed = Hromada.safeParse(hromada);
    if (!parsed.success) {
      row.failSchema(parsed.error, columnOf);
      errors.push(...row.issues);
      continue;
    }
    seen.add(parsed.data.officialCode);
    items.push(parsed.data);
  }
  return { items, errors, warnings, rows: table.rowCount, warStatusRows: read?.rows ?? 0 };
}

function readHromada(
  row: TableRow,
  warStatus: ReadonlyMap<string, WarStatus> | undefined,
  warFile: string,
  warnings: ImportIssue[],
): Record<string, unknown> | undefined {
  const code = row.required("katottg");
  if (code) {
    const problem = officialCodeProblem("UA", code);
    if (problem) row.fail("katottg", "invalid-code", `katottg ${JSON.stringify(code)}: ${problem}`);
  }
  const category = row.required("category");
  if (category && category !== "H" && category !== "K") {
    row.fail(
      "category",
      "invalid-value",
      `category must be H or K, found ${JSON.stringify(category)}`,
    );
  }
  const typeText = row.required("hromada_type");
  const hromadaType = typeText ? ownValue(HROMADA_TYPES, typeText) : undefined;
  if (typeText && !hromadaType) {
    row.fail("hromada_type", "invalid-value", `unknown hromada_type ${JSON.stringify(typeText)}`);
  }
  const shortUk = row.required("name_uk");
  const shortLat = row.text("name_lat");
  const population = row.integer("population_2022", { min: 0, required: true });
  const area = row.number("area_km2", { min: 0 });
  const lat = row.number("lat", { min: -90, max: 90 });
  const lon = row.number("lon", { min: -180, max: 180 });
  const occupiedBefore2022 = row.flag("occupied_before_2022") ?? false;
  const oblastCode = row.required("oblast_katottg");
  const oblastName = row.required("oblast_uk");
  if (!row.ok || !code || !shortUk) return undefined;

  const isKyiv = category === "K";
  const local = isKyiv ? shortUk : (row.text("full_name_uk") ?? shortUk);
  const latin = isKyiv ? shortLat : (row.text("full_name_lat") ?? shortLat);
  const sssu = row.text("name_en_sssu");
  const en = isKyiv
    ? shortLat
    : (sssu ??
      (shortLat && hromadaType ? `${shortLat} ${SSSU_TYPE_LABEL[hromadaType]} TC` : undefined));
  const aliases = [
    row.text("center_uk"),
    row.text("center_lat_name"),
    ...(PLACE_ALIASES[code] ?? []),
  ].filter((a): a is string => a !== undefined && a !== local && a !== latin && a !== en);

  let situation: HromadaSituation;
  const status = warStatus?.get(code);
  if (status) {
    situation = {
      category: situationFromWarStatus(status, occupiedBefore2022),
      occupiedBefore2022,
      asOf: WAR_STATUS_AS_OF,
      source: WAR_STATUS_SOURCE,
    };
  } else {
    situation = { category: occupiedBefore2022 ? "occupied" : "rear", occupiedBefore2022 };
    if (warStatus) {
      warnings.push({
        file: warFile,
        row: row.row,
        line: row.line,
        field: "katottg",
        code: "missing-status",
        message: `${local} (${code}) is not in the war-status list; situation set to ${situation.category}`,
      });
    }
  }

  const raionCode = row.text("raion_katottg");
  const raionName = row.text("raion_uk");
  const region: Record<string, string> = { code: oblastCode ?? "", name: oblastName ?? "" };
  const oblastLatin = row.text("oblast_lat");
  const oblastIso = row.text("oblast_iso");
  if (oblastLatin) region.nameLatin = oblastLatin;
  if (oblastIso) region.iso = oblastIso;

  const names: Record<string, unknown> = { local, uk: local };
  if (latin) names.latin = latin;
  if (en) names.en = en;
  if (aliases.length > 0) names.aliases = [...new Set(aliases)];

  const hromada: Record<string, unknown> = {
    id: municipalityId("UA", code),
    kind: "hromada",
    country: "UA",
    officialCode: code,
    names,
    region,
    population,
    populationYear: 2022,
    situation,
    workingLanguages: ["uk"],
  };
  if (hromadaType) hromada.hromadaType = hromadaType;
  if (raionCode && raionName) hromada.raion = { code: raionCode, name: raionName };
  if (area !== undefined && area > 0) hromada.areaKm2 = area;
  if (lat !== undefined && lon !== undefined) hromada.centre = { lat, lon };
  return hromada;
}
