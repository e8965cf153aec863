import type { MunicipalityListQuery } from "@pobratym/core";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { rows } from "../../db/db";
import { decodeCursor, encodeCursor, type SortKey } from "../../lib/cursor";
import { queryKey, queryKeys } from "../catalogue/search-keys";
import { catalogueVersion } from "../matching/load-profiles";
import { readModelEntry } from "../matching/read-model-entry";
import { hasPartner } from "../partnerships/has-partner";
import {
  EXPORT_LIMIT,
  fingerprint,
  type ListMunicipalitiesResult,
  partnershipCount,
  type SummaryRow,
  toSummary,
} from "./list-municipalities";

/**
 * The catalogue list answered from memory: every municipality's summary (drafts included) is
 * loaded once per database handle in one query, and `GET /municipalities` filters, ranks and pages
 * it with the semantics of `listMunicipalities` (the SQL version, which stays the reference; a
 * test compares the two). Invalidated like the matching cache: by any write through this process
 * (`writeGeneration`) and, for writers elsewhere, by the fingerprint check every `RECHECK_MS`.
 */
interface Row extends Omit<SummaryRow, "rank"> {
  search_keys: string;
  has_partner: boolean;
  region_code: string;
  region_iso: string | null;
  /** Position in (sort_name, id) byte order, so sorting a page needs no string compare. */
  order: number;
}

interface Entry {
  version: string;
  rows: Row[];
  /** Matches per distinct query (filters and search key), ranked; bounded by `MEMO_SIZE`. */
  memo: Map<string, Found[]>;
}

interface Found {
  row: Row;
  rank: number;
}

/** Distinct queries whose ranked matches are remembered until the next reload. */
const MEMO_SIZE = 1_000;

/** PostgreSQL's `COLLATE "C"` on UTF-8: code point order (JS `<` compares UTF-16 units). */
export function compareC(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
    }
  }
  return a.length - b.length;
}

async function build(db: Db): Promise<Entry> {
  // The fingerprint is read first: a write landing during the load makes the next check reload.
  const version = await catalogueVersion(db.orm);
  const loaded = await rows<Omit<Row, "order">>(
    db.orm,
    sql`SELECT m.id, m.kind, m.country, m.official_code, m.names, m.data->'region' AS region,
        m.population, m.population_year, m.area_km2, m.centre_lat, m.centre_lon, m.situation,
        m.capacity, m.status, m.sort_name, m.search_keys, m.region_code, m.region_iso,
        ${partnershipCount} AS partnership_count, ${hasPartner} AS has_partner,
        ARRAY(
          SELECT DISTINCT a.area FROM (
            SELECT n.area FROM needs n WHERE n.municipality_id = m.id AND n.status IN ('open', 'in-progress')
            UNION SELECT o.area FROM offers o WHERE o.municipality_id = m.id) a
          ORDER BY a.area) AS areas
      FROM municipalities m`,
  );
  loaded.sort((x, y) => compareC(x.sort_name, y.sort_name) || compareC(x.id, y.id));
  return { version, rows: loaded.map((r, order) => ({ ...r, order })), memo: new Map() };
}

const entryOf = readModelEntry(build);

/** Core's searchRank as the SQL does it: 0 exact name, 1 name prefix, 2 word prefix, 3 anywhere. */
function rankOf(keys: string, key: string): number {
  if (!key) return 0;
  let best = 4;
  for (const k of queryKeys(key)) {
    const rank = `|${keys}|`.includes(`|${k}|`)
      ? 0
      : `|${keys}`.includes(`|${k}`)
        ? 1
        : keys.includes(` ${k}`)
          ? 2
          : keys.includes(k)
            ? 3
            : 4;
    if (rank < best) best = rank;
  }
  return best;
}

function matcher(query: MunicipalityListQuery, key: string): (r: Row) => boolean {
  const status = query.status ?? "published";
  const country = query.country?.length ? new Set(query.country) : null;
  const region = query.region?.length ? new Set(query.region) : null;
  const situation = query.situation?.length ? new Set(query.situation) : null;
  const area = query.area?.length ? new Set<string>(query.area) : null;
  const { q, kind, hasPartner: hasPartnerQuery, minPopulation, maxPopulation } = query;
  const variants = queryKeys(key);
  return (r) =>
    r.status === status &&
    // As in core's matchesSearch, a query with no letters or digits matches nothing.
    (!q || (key !== "" && variants.some((k) => r.search_keys.includes(k)))) &&
    (!kind || r.kind === kind) &&
    (!country || country.has(r.country)) &&
    (!region || region.has(r.region_code) || (r.region_iso !== null && region.has(r.region_iso))) &&
    (!situation || (r.situation ? situation.has(r.situation) : false)) &&
    (!area || (r.areas ?? []).some((a) => area.has(a))) &&
    (hasPartnerQuery === undefined || r.has_partner === hasPartnerQuery) &&
    (minPopulation === undefined || (r.population !== null && r.population >= minPopulation)) &&
    (maxPopulation === undefined || (r.population !== null && r.population <= maxPopulation));
}

/**
 * `listMunicipalities` from memory: the same items, order, `total` and cursors (cursors from
 * either are accepted by the other).
 */
export async function listMunicipalitiesFromMemory({
  db,
  query,
  all = false,
}: {
  db: Db;
  query: MunicipalityListQuery;
  all?: boolean;
}): Promise<ListMunicipalitiesResult> {
  const entry = await entryOf(db);
  const key = query.q ? queryKey(query.q) : "";
  const print = fingerprint(query, key);
  // Decode first, so a bad cursor is a 400 whatever the data.
  const after =
    query.cursor && !all
      ? (decodeCursor(query.cursor, print, ["number", "string", "string"]) as [
          number,
          string,
          string,
        ])
      : null;
  const { cursor: _c, limit: _l, format: _f, ...filters } = query;
  const memoKey = JSON.stringify([key, filters]);
  let found = entry.memo.get(memoKey);
  if (!found) {
    const matches = matcher(query, key);
    found = [];
    for (const row of entry.rows) {
      if (matches(row)) found.push({ row, rank: rankOf(row.search_keys, key) });
    }
    // entry.rows is in (sort_name, id) order, so a stable sort by rank gives (rank, sort_name, id).
    if (key) found.sort((x, y) => x.rank - y.rank);
    if (entry.memo.size >= MEMO_SIZE) entry.memo.clear();
    entry.memo.set(memoKey, found);
  }
  const total = found.length;
  let start = 0;
  if (after) {
    // The SQL compares `(rank, sort_name, id) > (r::int, s, id)`; ::int rounds half away from zero.
    const [r0, s, id] = after;
    const r = Math.sign(r0) * Math.round(Math.abs(r0));
    start = found.findIndex(
      (f) =>
        f.rank > r ||
        (f.rank === r && (compareC(f.row.sort_name, s) || compareC(f.row.id, id)) > 0),
    );
    if (start < 0) start = found.length;
  }
  const limit = all ? EXPORT_LIMIT : query.limit;
  const page = found.slice(start, start + limit);
  const more = start + limit < found.length;
  const last = page.at(-1);
  const nextKey: SortKey | undefined =
    more && last ? [last.rank, last.row.sort_name, last.row.id] : undefined;
  return {
    items: page.map(({ row, rank }) => toSummary({ ...row, rank })),
    nextCursor: nextKey && !all ? encodeCursor(nextKey, print) : null,
    total,
  };
}
