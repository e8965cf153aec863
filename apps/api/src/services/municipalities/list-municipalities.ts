import type { MunicipalityListQuery, MunicipalitySummary } from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { checksum } from "../../db/migrate";
import { decodeCursor, encodeCursor, type SortKey } from "../../lib/cursor";
import { queryKey, queryKeys } from "../catalogue/search-keys";
import { hasPartner } from "../partnerships/has-partner";

/** At most this many rows leave in one GeoJSON or CSV export. */
export const EXPORT_LIMIT = 10_000;

export interface SummaryRow {
  id: string;
  kind: "hromada" | "partner";
  country: string;
  official_code: string;
  names: MunicipalitySummary["names"];
  region: MunicipalitySummary["region"];
  population: number | null;
  population_year: number | null;
  area_km2: number | null;
  centre_lat: number | null;
  centre_lon: number | null;
  situation: MunicipalitySummary["situation"] | null;
  capacity: number | null;
  status: "draft" | "published";
  partnership_count: number;
  areas: MunicipalitySummary["areas"] | null;
  rank: number;
  sort_name: string;
}

export interface ListMunicipalitiesResult {
  items: MunicipalitySummary[];
  nextCursor: string | null;
  total: number;
}

// Partnerships that count as "having a partner": any that has not ended.
export const partnershipCount = sql`(
  SELECT count(*)::int FROM partnerships p
  WHERE p.stage <> 'ended'
    AND (p.hromada_id = m.id OR EXISTS (
      SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.municipality_id = m.id))
)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function filters(query: MunicipalityListQuery, key: string): SQL[] {
  const where: SQL[] = [sql`m.status = ${query.status ?? "published"}`];
  // As in core's matchesSearch, a query with no letters or digits matches nothing.
  if (query.q) {
    const keys = queryKeys(key);
    where.push(
      keys.length > 0
        ? sql`(${sql.join(
            keys.map((k) => sql`m.search_keys LIKE ${`%${escapeLike(k)}%`}`),
            sql` OR `,
          )})`
        : sql`false`,
    );
  }
  if (query.kind) where.push(sql`m.kind = ${query.kind}`);
  if (query.country?.length) where.push(sql`m.country = ANY(${sql.param(query.country)}::text[])`);
  if (query.region?.length) {
    const regions = sql.param(query.region);
    where.push(
      sql`(m.region_code = ANY(${regions}::text[]) OR m.region_iso = ANY(${regions}::text[]))`,
    );
  }
  if (query.situation?.length)
    where.push(sql`m.situation = ANY(${sql.param(query.situation)}::text[])`);
  if (query.area?.length) {
    const areas = sql.param(query.area);
    where.push(sql`(
      EXISTS (SELECT 1 FROM needs n WHERE n.municipality_id = m.id AND n.area = ANY(${areas}::text[]) AND n.status IN ('open', 'in-progress'))
      OR EXISTS (SELECT 1 FROM offers o WHERE o.municipality_id = m.id AND o.area = ANY(${areas}::text[])))`);
  }
  if (query.hasPartner !== undefined)
    where.push(query.hasPartner ? hasPartner : sql`NOT ${hasPartner}`);
  if (query.minPopulation !== undefined) where.push(sql`m.population >= ${query.minPopulation}`);
  if (query.maxPopulation !== undefined) where.push(sql`m.population <= ${query.maxPopulation}`);
  return where;
}

/** Core's searchRank in SQL: 0 exact name, 1 name prefix, 2 word prefix, 3 anywhere. */
function rankExpr(key: string): SQL {
  if (!key) return sql`0`;
  // The best rank over the query's keys (its readings in other spelling systems).
  const cases = queryKeys(key).map((raw) => {
    const k = escapeLike(raw);
    return sql`(CASE
    WHEN ('|' || m.search_keys || '|') LIKE ${`%|${k}|%`} THEN 0
    WHEN ('|' || m.search_keys) LIKE ${`%|${k}%`} THEN 1
    WHEN m.search_keys LIKE ${`% ${k}%`} THEN 2
    WHEN m.search_keys LIKE ${`%${k}%`} THEN 3
    ELSE 4 END)`;
  });
  return cases.length === 1 ? (cases[0] as SQL) : sql`LEAST(${sql.join(cases, sql`, `)})`;
}

/** What makes two requests the same list, so a cursor cannot be replayed against another one. */
export function fingerprint(query: MunicipalityListQuery, key: string): string {
  const { cursor: _c, limit: _l, format: _f, q: _q, ...rest } = query;
  return checksum(JSON.stringify([key, rest]));
}

export function toSummary(r: SummaryRow): MunicipalitySummary {
  return {
    id: r.id,
    kind: r.kind,
    country: r.country,
    officialCode: r.official_code,
    names: r.names,
    region: r.region,
    ...(r.population !== null ? { population: r.population } : {}),
    ...(r.population_year !== null ? { populationYear: r.population_year } : {}),
    ...(r.area_km2 !== null ? { areaKm2: r.area_km2 } : {}),
    ...(r.centre_lat !== null && r.centre_lon !== null
      ? { centre: { lat: r.centre_lat, lon: r.centre_lon } }
      : {}),
    ...(r.situation ? { situation: r.situation } : {}),
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    partnershipCount: r.partnership_count,
    areas: r.areas ?? [],
    status: r.status,
  };
}

/**
 * Lists catalogue entries matching the query, ordered by search rank, then name, then id, one
 * keyset page at a time. With `all`, returns every match up to EXPORT_LIMIT (GeoJSON, CSV).
 */
export async function listMunicipalities({
  db,
  query,
  all = false,
}: {
  db: Executor;
  query: MunicipalityListQuery;
  all?: boolean;
}): Promise<ListMunicipalitiesResult> {
  const key = query.q ? queryKey(query.q) : "";
  const where = filters(query, key);
  const rank = rankExpr(key);
  const print = fingerprint(query, key);
  const pageWhere = [...where];
  if (query.cursor && !all) {
    const [r, s, id] = decodeCursor(query.cursor, print, ["number", "string", "string"]) as [
      number,
      string,
      string,
    ];
    pageWhere.push(
      sql`(${rank}, m.sort_name COLLATE "C", m.id COLLATE "C") > (${r}::int, ${s} COLLATE "C", ${id} COLLATE "C")`,
    );
  }
  const limit = all ? EXPORT_LIMIT : query.limit;
  const list = await rows<SummaryRow>(
    db,
    sql`SELECT m.id, m.kind, m.country, m.official_code, m.names, m.data->'region' AS region,
        m.population, m.population_year, m.area_km2, m.centre_lat, m.centre_lon, m.situation,
        m.capacity, m.status, m.sort_name, ${rank} AS rank,
        ${partnershipCount} AS partnership_count,
        ARRAY(
          SELECT DISTINCT a.area FROM (
            SELECT n.area FROM needs n WHERE n.municipality_id = m.id AND n.status IN ('open', 'in-progress')
            UNION SELECT o.area FROM offers o WHERE o.municipality_id = m.id) a
          ORDER BY a.area) AS areas
      FROM municipalities m
      WHERE ${sql.join(pageWhere, sql` AND `)}
      ORDER BY rank, m.sort_name COLLATE "C", m.id COLLATE "C"
      LIMIT ${limit + 1}`,
  );
  // A first page that is not full already holds every match: skip the second scan for the total
  // (most searches end here; the count costs as much as the page).
  const complete = !query.cursor && list.length <= limit;
  const [{ total } = { total: 0 }] = complete
    ? [{ total: list.length }]
    : await rows<{ total: number }>(
        db,
        sql`SELECT count(*)::int AS total FROM municipalities m WHERE ${sql.join(where, sql` AND `)}`,
      );
  const more = list.length > limit;
  const page = more ? list.slice(0, limit) : list;
  const last = page.at(-1);
  const nextKey: SortKey | undefined =
    more && last ? [last.rank, last.sort_name, last.id] : undefined;
  return {
    items: page.map(toSummary),
    nextCursor: nextKey && !all ? encodeCursor(nextKey, print) : null,
    total,
  };
}
