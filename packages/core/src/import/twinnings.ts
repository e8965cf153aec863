import { REVIEW_COUNTRIES } from "../model/common";
import type { Municipality } from "../model/municipality";
import { Tie } from "../model/tie";
import { searchNames } from "../search/names";
import { searchKey } from "../search/normalise";
import { countryCode } from "./countries";
import type { CsvInput } from "./decode";
import type { ImportIssue, ImportResult } from "./issues";
import { readTable, type TableRow } from "./table";

/** The file name `importReferenceFiles` recognises for the twin-town list. */
export const TWINNINGS_FILE = "twinnings-wikipedia-ua-se-no.csv";

const TWINNING_COLUMNS = ["city", "country", "partner_city", "partner_country"] as const;
const TIE_SOURCE = "Wikipedia, List of twin towns and sister cities (via Hekman/twincities)";

type Index = Map<string, Map<string, Municipality[]>>;

/** Indexes municipalities by country and by the search key of each of their names. */
function buildIndex(municipalities: readonly Municipality[]): Index {
  const index: Index = new Map();
  for (const m of municipalities) {
    let byKey = index.get(m.country);
    if (!byKey) {
      byKey = new Map();
      index.set(m.country, byKey);
    }
    for (const name of searchNames(m.names)) {
      const key = searchKey(name);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.some((x) => x.id === m.id)) list.push(m);
      byKey.set(key, list);
    }
  }
  return index;
}

/** Spellings to try for a Wikipedia heading: "Måløy (Kinn Municipality)" tries Måløy, then Kinn. */
function headingVariants(heading: string): string[] {
  const strip = (s: string) => s.replace(/\b(municipality|kommune|kommun)\b/gi, "").trim();
  const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(heading);
  if (!match) return [strip(heading)];
  return [strip(match[1] ?? ""), strip(match[2] ?? "")].filter(Boolean);
}

type Resolution =
  | { kind: "found"; municipality: Municipality; via: string; candidates: number }
  | { kind: "none" }
  | { kind: "ambiguous"; candidates: Municipality[] };

/**
 * Finds the one municipality a heading names in a country. Names must fold to the same search
 * key. Among several candidates, the first rule that leaves exactly one decides: its own name
 * (not an alias such as another municipality's administrative centre) spelled as the heading;
 * its own name folding to the heading's key; any of its names spelled as the heading (the fold
 * merges Håbo and Habo); in Ukraine, being the only urban hromada (twin-town lists name towns,
 * and a town is the centre of an urban hromada). Otherwise the heading is ambiguous.
 */
function resolve(index: Index, country: string, heading: string): Resolution {
  const byKey = index.get(country);
  if (!byKey) return { kind: "none" };
  for (const variant of headingVariants(heading)) {
    const key = searchKey(variant);
    const candidates = byKey.get(key) ?? [];
    if (candidates.length === 0) continue;
    const ownNames = (m: Municipality) =>
      [m.names.local, m.names.latin, m.names.en].filter((n): n is string => n !== undefined);
    const rules: ((m: Municipality) => boolean)[] = [
      () => true,
      (m) => ownNames(m).some((n) => sameSpelling(n, variant)),
      (m) => ownNames(m).some((n) => searchKey(n) === key),
      (m) => searchNames(m.names).some((n) => sameSpelling(n, variant)),
      (m) => m.kind === "hromada" && m.hromadaType === "urban",
    ];
    for (const rule of rules) {
      const left = candidates.filter(rule);
      if (left.length === 1 && left[0])
        return {
          kind: "found",
          municipality: left[0],
          via: variant,
          candidates: candidates.length,
        };
    }
    return { kind: "ambiguous", candidates };
  }
  return { kind: "none" };
}

function sameSpelling(a: string, b: string): boolean {
  return a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();
}

/** A short stable hash (FNV-1a, base 36) for deterministic tie ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Options of `importTwinnings`. */
export interface ImportTwinningsOptions {
  file?: string;
}

/**
 * Turns the Wikipedia twin-town list into `Tie` records for the municipalities it can resolve
 * by name and country (names compared with `searchKey`, so "Kyiv" finds Київ and "Gothenburg"
 * Göteborg). A pair whose both sides are in the catalogue gives a tie on each side. Unresolved or
 * ambiguous names and unknown countries are warnings, not errors: the list is raw Wikipedia text.
 * Ties to Russia or Belarus (`partner_is_russia_or_belarus`) get `foreignCountry` RU/BY and status
 * `under-review`, since the list does not say whether they were frozen after 2022; other ties
 * are `active` as listed. Duplicate pairs give one tie.
 * @example
 * const { items: ties, warnings } = importTwinnings(csvText, municipalities);
 */
export function importTwinnings(
  input: CsvInput,
  municipalities: readonly Municipality[],
  options: ImportTwinningsOptions = {},
): ImportResult<Tie> {
  const file = options.file ?? TWINNINGS_FILE;
  const table = readTable(file, input, TWINNING_COLUMNS);
  const errors: ImportIssue[] = [...table.errors];
  const warnings: ImportIssue[] = [];
  const index = buildIndex(municipalities);
  const ties = new Map<string, Tie>();

  const warn = (row: TableRow, field: string, code: ImportIssue["code"], message: string) => {
    warnings.push({ file, row: row.row, line: row.line, field, code, message });
  };

  for (const row of table.rows) {
    const city = row.required("city");
    const countryName = row.required("country");
    const partnerCity = row.required("partner_city");
    const partnerCountryName = row.required("partner_country");
    const flagged = row.flag("partner_is_russia_or_belarus");
    if (!row.ok || !city || !countryName || !partnerCity || !partnerCountryName) {
      errors.push(...row.issues);
      continue;
    }
    const country = countryCode(countryName);
    const partnerCountry = countryCode(partnerCountryName);
    if (!country) {
      warn(row, "country", "unknown-country", `unknown country ${JSON.stringify(countryName)}`);
      continue;
    }
    if (!partnerCountry) {
      warn(
        row,
        "partner_country",
        "unknown-country",
        `unknown country ${JSON.stringify(partnerCountryName)}`,
      );
      continue;
    }
    const isReview = REVIEW_COUNTRIES.includes(partnerCountry);
    if (flagged !== undefined && flagged !== isReview) {
      warn(
        row,
        "partner_is_russia_or_belarus",
        "invalid-value",
        `partner_is_russia_or_belarus is ${flagged ? 1 : 0} but the partner country is ${partnerCountry}; row skipped`,
      );
      continue;
    }

    const sides = [
      {
        town: city,
        country,
        foreignTown: partnerCity,
        foreignCountry: partnerCountry,
        field: "city",
      },
      {
        town: partnerCity,
        country: partnerCountry,
        foreignTown: city,
        foreignCountry: country,
        field: "partner_city",
      },
    ];
    // Both sides are resolved first, so each tie can name the catalogue municipality at its
    // other end (a known pair) and how sure that link is.
    const resolved = sides.map((side) =>
      index.has(side.country) ? resolve(index, side.country, side.town) : null,
    );
    for (const [i, side] of sides.entries()) {
      // The first side must be in the catalogue; the partner side only when it is a catalogue country.
      if (i === 1 && !index.has(side.country)) continue;
      const found = resolved[i] ?? resolve(index, side.country, side.town);
      const other = resolved[1 - i];
      if (found.kind === "none") {
        warn(
          row,
          side.field,
          "unresolved-town",
          `no ${side.country} municipality is called ${JSON.stringify(side.town)}`,
        );
        continue;
      }
      if (found.kind === "ambiguous") {
        const ids = found.candidates.map((c) => c.id);
        warn(
          row,
          side.field,
          "ambiguous-town",
          `${JSON.stringify(side.town)} matches ${ids.length} ${side.country} municipalities: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`,
        );
        continue;
      }
      const m = found.municipality;
      const id = `tie-${m.id}-${hash(`${searchKey(side.foreignTown)}|${side.foreignCountry}`)}`;
      if (ties.has(id)) continue;
      const tie: Record<string, unknown> = {
        id,
        municipalityId: m.id,
        foreignTown: side.foreignTown,
        foreignCountry: side.foreignCountry,
        type: "twin-town",
        status: REVIEW_COUNTRIES.includes(side.foreignCountry) ? "under-review" : "active",
        source: found.via === side.town ? TIE_SOURCE : `${TIE_SOURCE}; listed as ${side.town}`,
      };
      if (other?.kind === "found") {
        tie.linkedMunicipalityId = other.municipality.id;
        tie.linkConfidence = other.candidates === 1 ? "unique-name" : "several-candidates";
      }
      const parsed = Tie.safeParse(tie);
      if (!parsed.success) {
        row.failSchema(parsed.error, (path) =>
          path[0] === "foreignTown" ? side.field : undefined,
        );
        continue;
      }
      ties.set(id, parsed.data);
    }
    errors.push(...row.issues);
  }
  return { items: [...ties.values()], errors, warnings, rows: table.rowCount };
}
