import type {
  PartnershipListQuery,
  PartnershipParty,
  PartnershipSummary,
  Stage,
} from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { checksum } from "../../db/migrate";
import { InvalidCursorError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { ServiceContext } from "../context";
import { dormancyCutoff, dormantAt, ISO_US } from "./read-partnerships";

/** At most this many rows leave in one CSV export. */
export const PARTNERSHIP_EXPORT_LIMIT = 10_000;

interface Row {
  id: string;
  agreement_type: PartnershipSummary["agreementType"];
  stage: Stage;
  areas: PartnershipSummary["areas"];
  funding: PartnershipSummary["funding"];
  signed_on: string | null;
  started_at: string;
  last_at: string | null;
  created_key: string;
  version: number;
  hromada: PartnershipParty;
  partners: PartnershipParty[] | null;
}

// The parties come with the page in the same query: one round trip per page, not two.
const party = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'name', coalesce(${alias}.names->>'latin', ${alias}.names->>'en', ${alias}.names->>'local'),
    'country', ${alias}.country, 'region', ${alias}.region_name)`);

// The last stage change; the events table is the history of record.
const lastActivity = sql`(SELECT max(e.at) FROM partnership_events e WHERE e.partnership_id = p.id)`;

function filters(query: PartnershipListQuery, cutoff: string): SQL[] {
  const where: SQL[] = [sql`true`];
  if (query.stage?.length) where.push(sql`p.stage = ANY(${sql.param(query.stage)}::text[])`);
  if (query.area?.length) where.push(sql`p.areas && ${sql.param(query.area)}::text[]`);
  if (query.funding?.length) where.push(sql`p.funding && ${sql.param(query.funding)}::text[]`);
  if (query.hromadaId) where.push(sql`p.hromada_id = ${query.hromadaId}`);
  if (query.partnerId) {
    where.push(
      sql`EXISTS (SELECT 1 FROM partnership_partners pp WHERE pp.partnership_id = p.id AND pp.municipality_id = ${query.partnerId})`,
    );
  }
  if (query.country?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM partnership_partners pp JOIN municipalities pm ON pm.id = pp.municipality_id
      WHERE pp.partnership_id = p.id AND pm.country = ANY(${sql.param(query.country)}::text[]))`);
  }
  // Mirrors core isDormant: an open partnership with no stage change since the cut-off.
  const dormant = sql`(p.stage <> 'ended' AND coalesce(${lastActivity} < ${cutoff}::timestamptz, true))`;
  if (query.dormant === true) where.push(dormant);
  if (query.dormant === false) where.push(sql`NOT ${dormant}`);
  return where;
}

/** What a cursor is tied to: every filter of the query (not the cursor, limit or format). */
export function fingerprint(query: PartnershipListQuery): string {
  const { cursor: _c, limit: _l, format: _f, ...rest } = query;
  return checksum(JSON.stringify(["partnerships", rest]));
}

export interface ListPartnershipsResult {
  items: PartnershipSummary[];
  nextCursor: string | null;
  total: number;
}

/**
 * Lists partnerships, newest first (by creation, then id), one keyset page at a time; with `all`,
 * every match up to the export limit. Each item's `dormant` comes from core isDormant against a
 * cut-off `dormantMonths` months before `now`.
 */
export async function listPartnerships({
  ctx,
  query,
  all = false,
}: {
  ctx: ServiceContext;
  query: PartnershipListQuery;
  all?: boolean;
}): Promise<ListPartnershipsResult> {
  const db = ctx.db.orm;
  const now = ctx.now;
  const cutoff = dormancyCutoff(now, query.dormantMonths);
  const where = filters(query, cutoff);
  const print = fingerprint(query);
  const pageWhere = [...where];
  if (query.cursor && !all) {
    const [created, id] = decodeCursor(query.cursor, print, ["string", "string"]) as [
      string,
      string,
    ];
    // The checksum is not a secret, so a hand-made cursor could carry any text: check it is a timestamp.
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(created) ||
      Number.isNaN(Date.parse(created))
    ) {
      throw new InvalidCursorError();
    }
    pageWhere.push(
      sql`(p.created_at, p.id COLLATE "C") < (${created}::timestamptz, ${id} COLLATE "C")`,
    );
  }
  const limit = all ? PARTNERSHIP_EXPORT_LIMIT : query.limit;
  const list = await rows<Row>(
    db,
    // The page is chosen from partnerships alone (index partnerships_created_idx), and only its
    // rows are joined to municipalities and events: joining first hashed the whole catalogue for
    // every page and cost a dozen milliseconds on the full reference data.
    sql`SELECT p.id, p.agreement_type, p.stage, p.areas, p.funding, to_char(p.signed_on, 'YYYY-MM-DD') AS signed_on,
        to_char(coalesce(ev.first_at, p.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
        to_char(ev.last_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_at,
        to_char(p.created_at AT TIME ZONE 'UTC', ${sql.raw(ISO_US)}) AS created_key,
        p.version, ${party("hm")} AS hromada,
        (SELECT json_agg(${party("pm")} ORDER BY pp.position)
          FROM partnership_partners pp JOIN municipalities pm ON pm.id = pp.municipality_id
          WHERE pp.partnership_id = p.id) AS partners
      FROM (SELECT p.id, p.hromada_id, p.agreement_type, p.stage, p.areas, p.funding, p.signed_on,
              p.created_at, p.version
            FROM partnerships p
            WHERE ${sql.join(pageWhere, sql` AND `)}
            ORDER BY p.created_at DESC, p.id COLLATE "C" DESC
            LIMIT ${limit + 1}) p
      JOIN municipalities hm ON hm.id = p.hromada_id
      LEFT JOIN LATERAL (SELECT min(e.at) AS first_at, max(e.at) AS last_at
        FROM partnership_events e WHERE e.partnership_id = p.id) ev ON true
      ORDER BY p.created_at DESC, p.id COLLATE "C" DESC`,
  );
  // A first page that is not full holds every match: no second query for the total.
  const complete = !query.cursor && list.length <= limit;
  const [{ total } = { total: 0 }] = complete
    ? [{ total: list.length }]
    : await rows<{ total: number }>(
        db,
        sql`SELECT count(*)::int AS total FROM partnerships p WHERE ${sql.join(where, sql` AND `)}`,
      );
  const more = list.length > limit;
  const page = more ? list.slice(0, limit) : list;
  const items = page.map((r): PartnershipSummary => {
    return {
      id: r.id,
      hromada: r.hromada,
      partners: r.partners ?? [],
      agreementType: r.agreement_type,
      areas: r.areas,
      funding: r.funding,
      stage: r.stage,
      ...(r.signed_on ? { signedOn: r.signed_on } : {}),
      startedAt: r.started_at,
      lastActivityAt: r.last_at ?? r.started_at,
      dormant: dormantAt(r.stage, r.last_at, cutoff),
      version: r.version,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: more && last && !all ? encodeCursor([last.created_key, last.id], print) : null,
    total,
  };
}

/** Partnerships as CSV for coordinators' spreadsheets (one row each; lists joined with `; `). */
export function partnershipsCsv(items: readonly PartnershipSummary[]): string {
  return toCsv(
    [
      "id",
      "hromada_id",
      "hromada",
      "oblast",
      "partner_ids",
      "partners",
      "partner_countries",
      "agreement_type",
      "stage",
      "areas",
      "funding",
      "signed_on",
      "started_at",
      "last_activity_at",
      "dormant",
    ],
    items.map((p) => [
      p.id,
      p.hromada.id,
      p.hromada.name,
      p.hromada.region ?? "",
      p.partners.map((x) => x.id).join("; "),
      p.partners.map((x) => x.name).join("; "),
      [...new Set(p.partners.map((x) => x.country))].join("; "),
      p.agreementType,
      p.stage,
      p.areas.join("; "),
      p.funding.join("; "),
      p.signedOn ?? "",
      p.startedAt,
      p.lastActivityAt,
      p.dormant,
    ]),
  );
}
