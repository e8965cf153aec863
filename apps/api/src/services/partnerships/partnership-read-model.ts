import type {
  PartnershipListQuery,
  PartnershipParty,
  PartnershipSummary,
  Stage,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Db, rows } from "../../db/db";
import { InvalidCursorError } from "../../errors";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { ServiceContext } from "../context";
import { catalogueVersion } from "../matching/load-profiles";
import { readModelEntry } from "../matching/read-model-entry";
import { compareC } from "../municipalities/catalogue-read-model";
import {
  fingerprint,
  type ListPartnershipsResult,
  PARTNERSHIP_EXPORT_LIMIT,
} from "./list-partnerships";
import { dormancyCutoff, dormantAt, ISO_US } from "./read-partnerships";

/**
 * The partnership list answered from memory: every partnership's summary is loaded once per
 * database handle in one query, and `GET /partnerships` filters and pages it with the semantics of
 * `listPartnerships` (the SQL version, which stays the reference; a test compares the two).
 * Invalidated like the matching cache: by any write through this process (`writeGeneration`) and,
 * for writers elsewhere, by the fingerprint check every `RECHECK_MS` (`catalogueVersion` covers
 * partnerships and municipalities; a stage move bumps the partnership's version).
 */
interface LoadedRow {
  id: string;
  hromada_id: string;
  agreement_type: PartnershipSummary["agreementType"];
  stage: Stage;
  areas: PartnershipSummary["areas"];
  funding: PartnershipSummary["funding"];
  signed_on: string | null;
  started_at: string;
  last_at: string | null;
  /** The last stage change in microseconds since the epoch (the dormancy filter compares these). */
  last_us: number | null;
  created_key: string;
  /** created_at in microseconds since the epoch: the sort key, exact (below 2^53). */
  created_us: number;
  version: number;
  hromada: PartnershipParty;
  partners: PartnershipParty[] | null;
}

interface Row {
  id: string;
  hromadaId: string;
  stage: Stage;
  areas: readonly string[];
  funding: readonly string[];
  partnerIds: ReadonlySet<string>;
  partnerCountries: ReadonlySet<string>;
  lastAt: string | null;
  lastUs: number | null;
  createdKey: string;
  createdUs: number;
  /** The summary; its `dormant` is a placeholder, set per request from `now`. */
  summary: PartnershipSummary;
}

interface Entry {
  version: string;
  /** Newest first: (created_at, id COLLATE "C") descending, as the SQL orders. */
  rows: Row[];
  /** Matches per distinct filter set (dormancy aside), in list order; bounded by `MEMO_SIZE`. */
  memo: Map<string, Row[]>;
}

/** Distinct filter sets whose matches are remembered until the next reload. */
const MEMO_SIZE = 1_000;

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// The same party objects as the SQL version builds, so items are equal key for key.
const party = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', coalesce(${alias}.names->>'latin', ${alias}.names->>'en', ${alias}.names->>'local'),
    'country', ${alias}.country, 'region', ${alias}.region_name)`);

/** Microseconds since the epoch, exact: extract gives numeric, and the product is below 2^53. */
const micros = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000000)::float8`);

async function build(db: Db): Promise<Entry> {
  // The fingerprint is read first: a write landing during the load makes the next check reload.
  const version = await catalogueVersion(db.orm);
  const loaded = await rows<LoadedRow>(
    db.orm,
    sql`SELECT p.id, p.hromada_id, p.agreement_type, p.stage, p.areas, p.funding,
        to_char(p.signed_on, 'YYYY-MM-DD') AS signed_on,
        to_char(coalesce(ev.first_at, p.created_at) AT TIME ZONE 'UTC', ${sql.raw(ISO_MS)}) AS started_at,
        to_char(ev.last_at AT TIME ZONE 'UTC', ${sql.raw(ISO_MS)}) AS last_at,
        ${micros("ev.last_at")} AS last_us,
        to_char(p.created_at AT TIME ZONE 'UTC', ${sql.raw(ISO_US)}) AS created_key,
        ${micros("p.created_at")} AS created_us,
        p.version, ${party("hm")} AS hromada,
        (SELECT json_agg(${party("pm")} ORDER BY pp.position)
          FROM partnership_partners pp JOIN municipalities pm ON pm.id = pp.municipality_id
          WHERE pp.partnership_id = p.id) AS partners
      FROM partnerships p
      JOIN municipalities hm ON hm.id = p.hromada_id
      LEFT JOIN LATERAL (SELECT min(e.at) AS first_at, max(e.at) AS last_at
        FROM partnership_events e WHERE e.partnership_id = p.id) ev ON true`,
  );
  const list = loaded.map((r): Row => {
    const partners = r.partners ?? [];
    return {
      id: r.id,
      hromadaId: r.hromada_id,
      stage: r.stage,
      areas: r.areas,
      funding: r.funding,
      partnerIds: new Set(partners.map((x) => x.id)),
      partnerCountries: new Set(partners.map((x) => x.country)),
      lastAt: r.last_at,
      lastUs: r.last_us === null ? null : Number(r.last_us),
      createdKey: r.created_key,
      createdUs: Number(r.created_us),
      summary: {
        id: r.id,
        hromada: r.hromada,
        partners,
        agreementType: r.agreement_type,
        areas: r.areas,
        funding: r.funding,
        stage: r.stage,
        ...(r.signed_on ? { signedOn: r.signed_on } : {}),
        startedAt: r.started_at,
        lastActivityAt: r.last_at ?? r.started_at,
        dormant: false,
        version: r.version,
      },
    };
  });
  list.sort((x, y) => y.createdUs - x.createdUs || compareC(y.id, x.id));
  return { version, rows: list, memo: new Map() };
}

const entryOf = readModelEntry(build);

/** Every filter but dormancy, which depends on the request's `now`. */
function matcher(query: PartnershipListQuery): (r: Row) => boolean {
  const stage = query.stage?.length ? new Set<string>(query.stage) : null;
  const area = query.area?.length ? new Set<string>(query.area) : null;
  const funding = query.funding?.length ? new Set<string>(query.funding) : null;
  const country = query.country?.length ? query.country : null;
  const { hromadaId, partnerId } = query;
  return (r) =>
    (!stage || stage.has(r.stage)) &&
    (!area || r.areas.some((a) => area.has(a))) &&
    (!funding || r.funding.some((f) => funding.has(f))) &&
    (!hromadaId || r.hromadaId === hromadaId) &&
    (!partnerId || r.partnerIds.has(partnerId)) &&
    (!country || country.some((c) => r.partnerCountries.has(c)));
}

/** The SQL's dormancy: open, and no stage change at all or the last one before the cut-off. */
function isDormantRow(r: Row, cutoffUs: number): boolean {
  return r.stage !== "ended" && (r.lastUs === null || r.lastUs < cutoffUs);
}

/**
 * A cursor's creation time in microseconds since the epoch. Checked as the SQL version checks it,
 * and further: a date PostgreSQL would refuse (30 February, year 0) is an invalid cursor here,
 * where the SQL version fails in the database.
 */
function cursorMicros(created: string): number {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(created) ||
    Number.isNaN(Date.parse(created))
  ) {
    throw new InvalidCursorError();
  }
  const ms = Date.parse(`${created.slice(0, 23)}Z`);
  const day = new Date(Date.parse(`${created.slice(0, 10)}T00:00:00.000Z`));
  if (
    Number.isNaN(ms) ||
    created.startsWith("0000") ||
    !day.toISOString().startsWith(created.slice(0, 10))
  ) {
    throw new InvalidCursorError();
  }
  return ms * 1000 + Number(created.slice(23, 26));
}

/**
 * `listPartnerships` from memory: the same items, order, `total` and cursors (cursors from either
 * are accepted by the other).
 */
export async function listPartnershipsFromMemory({
  ctx,
  query,
  all = false,
}: {
  ctx: ServiceContext;
  query: PartnershipListQuery;
  all?: boolean;
}): Promise<ListPartnershipsResult> {
  const db = ctx.db;
  const now = ctx.now;
  const cutoff = dormancyCutoff(now, query.dormantMonths);
  const print = fingerprint(query);
  // Decode first, so a bad cursor is a 400 whatever the data.
  let after: { us: number; id: string } | null = null;
  if (query.cursor && !all) {
    const [created, id] = decodeCursor(query.cursor, print, ["string", "string"]) as [
      string,
      string,
    ];
    after = { us: cursorMicros(created), id };
  }
  const entry = await entryOf(db);
  const { cursor: _c, limit: _l, format: _f, dormant, dormantMonths: _m, ...filters } = query;
  const memoKey = JSON.stringify(filters);
  let found = entry.memo.get(memoKey);
  if (!found) {
    found = entry.rows.filter(matcher(query));
    if (entry.memo.size >= MEMO_SIZE) entry.memo.clear();
    entry.memo.set(memoKey, found);
  }
  if (dormant !== undefined) {
    const cutoffUs = Date.parse(cutoff) * 1000;
    found = found.filter((r) => isDormantRow(r, cutoffUs) === dormant);
  }
  const total = found.length;
  let start = 0;
  if (after) {
    // The first row below the cursor in (created_at, id) order; the list is sorted descending.
    const { us, id } = after;
    let lo = 0;
    let hi = found.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = found[mid] as Row;
      const below = r.createdUs < us || (r.createdUs === us && compareC(r.id, id) < 0);
      if (below) hi = mid;
      else lo = mid + 1;
    }
    start = lo;
  }
  const limit = all ? PARTNERSHIP_EXPORT_LIMIT : query.limit;
  const page = found.slice(start, start + limit);
  const more = start + limit < found.length;
  const last = page.at(-1);
  return {
    items: page.map(
      ({ summary, stage, lastAt }): PartnershipSummary => ({
        ...summary,
        dormant: dormantAt(stage, lastAt, cutoff),
      }),
    ),
    nextCursor: more && last && !all ? encodeCursor([last.createdKey, last.id], print) : null,
    total,
  };
}
