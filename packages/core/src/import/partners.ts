import { ownValue } from "../lookup";
import { municipalityId, officialCodeProblem, Partner } from "../model/municipality";
import type { CsvInput } from "./decode";
import type { ImportIssue, ImportResult } from "./issues";
import { readTable, type TableRow } from "./table";

/** The file name `importReferenceFiles` recognises for Sweden. */
export const SE_MUNICIPALITIES_FILE = "se-kommuner.csv";
/** The file name `importReferenceFiles` recognises for Norway. */
export const NO_MUNICIPALITIES_FILE = "no-kommuner.csv";

/** ISO 3166-2:SE subdivision letters by län code (a standard, not data). */
const SE_LAN_ISO: Readonly<Record<string, string>> = {
  "01": "AB",
  "03": "C",
  "04": "D",
  "05": "E",
  "06": "F",
  "07": "G",
  "08": "H",
  "09": "I",
  "10": "K",
  "12": "M",
  "13": "N",
  "14": "O",
  "17": "S",
  "18": "T",
  "19": "U",
  "20": "W",
  "21": "X",
  "22": "Y",
  "23": "Z",
  "24": "AC",
  "25": "BD",
};

/** English exonyms of Swedish municipalities, where English uses another name. */
const SE_ENGLISH: Readonly<Record<string, string>> = { Göteborg: "Gothenburg" };

/** Population year of `no-kommuner.csv`; see `importNorwegianMunicipalities`. */
export const NO_DEFAULT_POPULATION_YEAR = 2025;

const COLUMN_OF_PATH: Readonly<Record<string, string>> = {
  officialCode: "code",
  id: "code",
  names: "name",
  "region.code": "region-code",
  "region.name": "region",
  "region.iso": "region-code",
  population: "population",
  areaKm2: "area_km2",
  "centre.lat": "lat",
  "centre.lon": "lon",
};

function columnMapper(columns: Readonly<Record<string, string>>) {
  return (path: readonly PropertyKey[]): string | undefined => {
    for (let n = path.length; n > 0; n--) {
      const key = ownValue(COLUMN_OF_PATH, path.slice(0, n).map(String).join("."));
      if (key) return ownValue(columns, key) ?? key;
    }
    return undefined;
  };
}

interface PartnerFields {
  country: "SE" | "NO";
  code: string | undefined;
  local: string | undefined;
  en?: string;
  aliases?: string[];
  region: { code: string | undefined; name: string | undefined; iso?: string };
  population: number | undefined;
  populationYear: number | undefined;
  areaKm2?: number | undefined;
  lat: number | undefined;
  lon: number | undefined;
  language: string;
}

function buildPartner(
  row: TableRow,
  f: PartnerFields,
  codeColumn: string,
): Record<string, unknown> | undefined {
  if (f.code) {
    const problem = officialCodeProblem(f.country, f.code);
    if (problem)
      row.fail(codeColumn, "invalid-code", `${codeColumn} ${JSON.stringify(f.code)}: ${problem}`);
  }
  if (!row.ok || !f.code || !f.local || !f.region.code || !f.region.name) return undefined;
  const names: Record<string, unknown> = { local: f.local };
  if (f.en) names.en = f.en;
  if (f.aliases && f.aliases.length > 0) names.aliases = f.aliases;
  const region: Record<string, string> = { code: f.region.code, name: f.region.name };
  if (f.region.iso) region.iso = f.region.iso;
  const partner: Record<string, unknown> = {
    id: municipalityId(f.country, f.code),
    kind: "partner",
    country: f.country,
    officialCode: f.code,
    names,
    region,
    workingLanguages: [f.language],
    capacity: 1,
  };
  if (f.population !== undefined) {
    partner.population = f.population;
    if (f.populationYear !== undefined) partner.populationYear = f.populationYear;
  }
  if (f.areaKm2 !== undefined && f.areaKm2 > 0) partner.areaKm2 = f.areaKm2;
  if (f.lat !== undefined && f.lon !== undefined) partner.centre = { lat: f.lat, lon: f.lon };
  return partner;
}

function importPartners(
  file: string,
  input: CsvInput,
  requiredColumns: readonly string[],
  codeColumn: string,
  columns: Readonly<Record<string, string>>,
  read: (row: TableRow) => PartnerFields,
): ImportResult<Partner> {
  const table = readTable(file, input, requiredColumns);
  const errors: ImportIssue[] = [...table.errors];
  const items: Partner[] = [];
  const seen = new Set<string>();
  const columnOf = columnMapper(columns);
  for (const row of table.rows) {
    const fields = read(row);
    const partner = buildPartner(row, fields, codeColumn);
    if (fields.code && seen.has(fields.code)) {
      row.fail(codeColumn, "duplicate-code", `${codeColumn} ${fields.code} appears twice`);
    }
    if (!partner || !row.ok) {
      errors.push(...row.issues);
      continue;
    }
    const parsed = Partner.safeParse(partner);
    if (!parsed.success) {
      row.failSchema(parsed.error, columnOf);
      errors.push(...row.issues);
      continue;
    }
    seen.add(parsed.data.officialCode);
    items.push(parsed.data);
  }
  return { items, errors, warnings: [], rows: table.rowCount };
}

/**
 * Imports `se-kommuner.csv` (290 kommuner) into validated `Partner` records: id =
 * `municipalityId("SE", kommunkod)`, names.local = `name` (names.en = "Gothenburg" for Göteborg),
 * region = län (`lan_kod`, `lan`, ISO 3166-2 such as `SE-AC`), population = `population_2024`
 * (31 Dec 2024, so populationYear 2024), centre = `lat`/`lon`, working language `sv`, capacity 1.
 * @example
 * const { items, errors } = importSwedishMunicipalities(csvText);
 */
export function importSwedishMunicipalities(
  input: CsvInput,
  options: { file?: string } = {},
): ImportResult<Partner> {
  const columns = {
    code: "kommunkod",
    name: "name",
    "region-code": "lan_kod",
    region: "lan",
    population: "population_2024",
  };
  return importPartners(
    options.file ?? SE_MUNICIPALITIES_FILE,
    input,
    ["kommunkod", "name", "lan_kod", "lan", "population_2024"],
    "kommunkod",
    columns,
    (row) => {
      const local = row.required("name");
      const lanCode = row.required("lan_kod");
      const iso = lanCode ? ownValue(SE_LAN_ISO, lanCode) : undefined;
      const fields: PartnerFields = {
        country: "SE",
        code: row.required("kommunkod"),
        local,
        region: { code: lanCode, name: row.required("lan") },
        population: row.integer("population_2024", { min: 0 }),
        populationYear: 2024,
        lat: row.number("lat", { min: -90, max: 90 }),
        lon: row.number("lon", { min: -180, max: 180 }),
        language: "sv",
      };
      if (iso) fields.region.iso = `SE-${iso}`;
      const en = local ? ownValue(SE_ENGLISH, local) : undefined;
      if (en) fields.en = en;
      return fields;
    },
  );
}

/**
 * Imports `no-kommuner.csv` (357 kommuner, 2024 division) into validated `Partner` records:
 * id = `municipalityId("NO", kommunenummer)`, names.local = SSB's short `name`, names.aliases = the
 * other parts of Kartverket's `name_official` ("Kárášjohka - Karasjok" gives "Karasjok") and the
 * administrative centre `admin_centre` where it differs (Mandal for Lindesnes), region =
 * fylke (`fylkesnummer`, `fylke`, ISO 3166-2 `NO-<fylkesnummer>`), `population`, `area_km2`,
 * centre = `lat`/`lon`, working language `nb`, capacity 1.
 *
 * The file does not record the population date (Wikidata's preferred value, fetched about
 * mid-2026; the national sum is about 5.63 million, above SSB's 1 Jan 2025 count of about 5.59
 * million), so the figures describe the end of 2025 at the earliest for most municipalities:
 * populationYear defaults to 2025 (`NO_DEFAULT_POPULATION_YEAR`), like Sweden's 31 December
 * convention. Pass `populationYear` to override, or `null` to leave it unset.
 */
export function importNorwegianMunicipalities(
  input: CsvInput,
  options: { file?: string; populationYear?: number | null } = {},
): ImportResult<Partner> {
  const year =
    options.populationYear === undefined ? NO_DEFAULT_POPULATION_YEAR : options.populationYear;
  const columns = {
    code: "kommunenummer",
    name: "name",
    "region-code": "fylkesnummer",
    region: "fylke",
    population: "population",
  };
  return importPartners(
    options.file ?? NO_MUNICIPALITIES_FILE,
    input,
    ["kommunenummer", "name", "fylkesnummer", "fylke", "population"],
    "kommunenummer",
    columns,
    (row) => {
      const local = row.required("name");
      const fylke = row.required("fylkesnummer");
      const official = row.text("name_official")?.split(" - ") ?? [];
      const centre = row.text("admin_centre");
      const aliases = [
        ...new Set([...official, ...(centre ? [centre] : [])].map((s) => s.trim())),
      ].filter((s) => s && s !== local);
      const fields: PartnerFields = {
        country: "NO",
        code: row.required("kommunenummer"),
        local,
        aliases,
        region: { code: fylke, name: row.required("fylke") },
        population: row.integer("population", { min: 0 }),
        populationYear: year ?? undefined,
        areaKm2: row.number("area_km2", { min: 0 }),
        lat: row.number("lat", { min: -90, max: 90 }),
        lon: row.number("lon", { min: -180, max: 180 }),
        language: "nb",
      };
      if (fylke && /^\d{2}$/.test(fylke)) fields.region.iso = `NO-${fylke}`;
      return fields;
    },
  );
}
