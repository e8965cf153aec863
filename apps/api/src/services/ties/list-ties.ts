import {
  REVIEW_COUNTRIES,
  type TieListQuery,
  type TieReview,
  type TieSummary,
} from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { checksum } from "../../db/migrate";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { ServiceContext } from "../context";
import { TIE_COLUMNS, type TieRow, toTieSummary } from "./read-ties";

/** At most this many rows leave in one CSV export. */
export const TIE_EXPORT_LIMIT = 10_000;

const reviewCountries = () => sql.param([...REVIEW_COUNTRIES]);

function filters(query: TieListQuery): SQL[] {
  const where: SQL[] = [sql`true`];
  if (query.municipalityId) where.push(sql`t.municipality_id = ${query.municipalityId}`);
  if (query.country?.length)
    where.push(sql`t.foreign_country = ANY(${sql.param(query.country)}::text[])`);
  if (query.status?.length) where.push(sql`t.status = ANY(${sql.param(query.status)}::text[])`);
  // core isReviewCountryTie in SQL; the test checks the two agree.
  if (query.review === true) where.push(sql`t.foreign_country = ANY(${reviewCountries()}::text[])`);
  if (query.review === false)
    where.push(sql`NOT (t.foreign_country = ANY(${reviewCountries()}::text[]))`);
  return where;
}

function fingerprint(query: TieListQuery): string {
  const { cursor: _c, limit: _l, format: _f, ...rest } = query;
  return checksum(JSON.stringify(["ties", rest]));
}

/** Lists ties by municipality name, then id, one keyset page at a time; with `all`, every match up to the export limit. */
export async function listTies({
  ctx,
  query,
  all = false,
}: {
  ctx: ServiceContext;
  query: TieListQuery;
  all?: boolean;
}): Promise<{ items: TieSummary[]; nextCursor: string | null; total: number }> {
  const db = ctx.db.orm;
  const where = filters(query);
  const print = fingerprint(query);
  const pageWhere = [...where];
  if (query.cursor && !all) {
    const [name, id] = decodeCursor(query.cursor, print, ["string", "string"]) as [string, string];
    pageWhere.push(
      sql`(m.sort_name COLLATE "C", t.id COLLATE "C") > (${name} COLLATE "C", ${id} COLLATE "C")`,
    );
  }
  const limit = all ? TIE_EXPORT_LIMIT : query.limit;
  const list = await rows<TieRow>(
    db,
    sql`SELECT ${TIE_COLUMNS} FROM ties t JOIN municipalities m ON m.id = t.municipality_id
      WHERE ${sql.join(pageWhere, sql` AND `)}
      ORDER BY m.sort_name COLLATE "C", t.id COLLATE "C"
      LIMIT ${limit + 1}`,
  );
  // A first page that is not full holds every match: no second query for the total.
  const complete = !query.cursor && list.length <= limit;
  const [{ total } = { total: 0 }] = complete
    ? [{ total: list.length }]
    : await rows<{ total: number }>(
        db,
        sql`SELECT count(*)::int AS total FROM ties t JOIN municipalities m ON m.id = t.municipality_id
      WHERE ${sql.join(where, sql` AND `)}`,
      );
  const more = list.length > limit;
  const page = more ? list.slice(0, limit) : list;
  const last = page.at(-1);
  return {
    items: page.map(toTieSummary),
    nextCursor: more && last && !all ? encodeCursor([last.sort_name, last.id], print) : null,
    total,
  };
}

const STATUS_ORDER = ["under-review", "active", "frozen", "terminated"] as const;

/**
 * Ties with Russian or Belarusian towns for review: those still needing a decision (core
 * needsReview: under review, then active) first, then frozen, then terminated; by municipality name
 * within each status. With `pending`, only those needing review.
 */
export async function listReviewTies({
  ctx,
  pending = false,
}: {
  ctx: ServiceContext;
  pending?: boolean;
}): Promise<TieReview> {
  const db = ctx.db.orm;
  const list = await rows<TieRow>(
    db,
    sql`SELECT ${TIE_COLUMNS} FROM ties t JOIN municipalities m ON m.id = t.municipality_id
      WHERE t.foreign_country = ANY(${reviewCountries()}::text[])
      ORDER BY array_position(${sql.param([...STATUS_ORDER])}::text[], t.status), m.sort_name COLLATE "C", t.id COLLATE "C"
      LIMIT ${TIE_EXPORT_LIMIT}`,
  );
  const all = list.map(toTieSummary);
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: all.filter((s) => s.tie.status === status).length,
  }));
  return { counts, items: pending ? all.filter((s) => s.needsReview) : all };
}
