import {
  STAGES,
  type Statistics,
  type StatisticsRows,
  type StatisticsTable,
  type WaitingHromada,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { toCsv } from "../../lib/csv";
import type { ServiceContext } from "../context";
import { hasPartner } from "../partnerships/has-partner";

// "Has a partner" as in the catalogue: any partnership that has not ended.
const OPEN = sql.raw(`p.stage <> 'ended'`);

/**
 * Aggregated figures for funders' reports, over published municipalities only. No personal data:
 * only counts, municipality names and regions.
 */
export async function getStatistics({ ctx }: { ctx: ServiceContext }): Promise<Statistics> {
  const db = ctx.db.orm;
  const [oblasts, stages, areas, countries, funding, started, waitingHromadas, sparePartners] =
    await Promise.all([
      rows<{
        region_code: string;
        region_iso: string | null;
        name: string;
        name_latin: string | null;
        hromadas: number;
        with_partner: number;
      }>(
        db,
        sql`SELECT m.region_code, min(m.region_iso) AS region_iso, min(m.region_name) AS name,
            min(m.data->'region'->>'nameLatin') AS name_latin, count(*)::int AS hromadas,
            count(*) FILTER (WHERE ${hasPartner})::int AS with_partner
          FROM municipalities m WHERE m.kind = 'hromada' AND m.status = 'published'
          GROUP BY m.region_code ORDER BY min(m.region_name), m.region_code`,
      ),
      rows<{ stage: Statistics["partnershipsByStage"][number]["stage"]; count: number }>(
        db,
        sql`SELECT stage, count(*)::int AS count FROM partnerships GROUP BY stage`,
      ),
      rows<{ area: Statistics["partnershipsByArea"][number]["area"]; count: number }>(
        db,
        sql`SELECT a.area, count(*)::int AS count FROM partnerships p, unnest(p.areas) AS a(area)
          WHERE ${OPEN} GROUP BY a.area ORDER BY count(*) DESC, a.area`,
      ),
      rows<{ country: string; count: number }>(
        db,
        sql`SELECT m.country, count(DISTINCT p.id)::int AS count
          FROM partnerships p JOIN partnership_partners pp ON pp.partnership_id = p.id
          JOIN municipalities m ON m.id = pp.municipality_id
          WHERE ${OPEN} GROUP BY m.country ORDER BY count(DISTINCT p.id) DESC, m.country`,
      ),
      rows<{ funding: Statistics["partnershipsByFunding"][number]["funding"]; count: number }>(
        db,
        sql`SELECT f.funding, count(*)::int AS count
          FROM partnerships p, unnest(CASE WHEN cardinality(p.funding) = 0 THEN ARRAY['none'] ELSE p.funding END) AS f(funding)
          WHERE ${OPEN} GROUP BY f.funding ORDER BY count(*) DESC, f.funding`,
      ),
      rows<{ month: string; count: number }>(
        db,
        sql`SELECT to_char(s.first_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
          FROM (SELECT p.id, coalesce(min(e.at), p.created_at) AS first_at
                FROM partnerships p LEFT JOIN partnership_events e ON e.partnership_id = p.id
                GROUP BY p.id, p.created_at) s
          GROUP BY 1 ORDER BY 1`,
      ),
      rows<{
        id: string;
        name: string;
        region: string;
        open_needs: number;
        areas: WaitingHromada["areas"];
      }>(
        db,
        sql`SELECT m.id, coalesce(m.names->>'latin', m.names->>'en', m.names->>'local') AS name, m.region_name AS region,
            count(n.id)::int AS open_needs, array_agg(DISTINCT n.area ORDER BY n.area) AS areas
          FROM municipalities m JOIN needs n ON n.municipality_id = m.id AND n.status = 'open'
          WHERE m.kind = 'hromada' AND m.status = 'published'
            AND NOT ${hasPartner}
          GROUP BY m.id ORDER BY count(n.id) DESC, min(m.sort_name) COLLATE "C", m.id COLLATE "C"`,
      ),
      rows<{
        id: string;
        name: string;
        country: string;
        capacity: number;
        open_partnerships: number;
      }>(
        db,
        sql`SELECT s.* FROM (
            SELECT m.id, coalesce(m.names->>'latin', m.names->>'en', m.names->>'local') AS name, m.country,
              coalesce(m.capacity, 1) AS capacity, m.sort_name,
              (SELECT count(DISTINCT pp.partnership_id)::int FROM partnership_partners pp
                 JOIN partnerships p ON p.id = pp.partnership_id WHERE pp.municipality_id = m.id AND ${OPEN}) AS open_partnerships
            FROM municipalities m WHERE m.kind = 'partner' AND m.status = 'published') s
          WHERE s.capacity > s.open_partnerships
          ORDER BY s.capacity - s.open_partnerships DESC, s.sort_name COLLATE "C", s.id COLLATE "C"`,
      ),
    ]);
  const offerRows = await rows<{
    area: Statistics["offersByArea"][number]["area"];
    hromadas: number;
    partners: number;
  }>(
    db,
    sql`SELECT o.area, count(*) FILTER (WHERE m.kind = 'hromada')::int AS hromadas,
          count(*) FILTER (WHERE m.kind = 'partner')::int AS partners
        FROM offers o JOIN municipalities m ON m.id = o.municipality_id AND m.status = 'published'
        GROUP BY o.area ORDER BY o.area`,
  );
  const perYear = new Map<string, number>();
  for (const m of started)
    perYear.set(m.month.slice(0, 4), (perYear.get(m.month.slice(0, 4)) ?? 0) + m.count);
  const stageCounts = new Map(stages.map((s) => [s.stage, s.count]));
  return {
    generatedAt: ctx.now.toISOString(),
    hromadasByOblast: oblasts.map((o) => ({
      regionCode: o.region_code,
      ...(o.region_iso ? { regionIso: o.region_iso } : {}),
      name: o.name,
      ...(o.name_latin ? { nameLatin: o.name_latin } : {}),
      hromadas: o.hromadas,
      withPartner: o.with_partner,
      withoutPartner: o.hromadas - o.with_partner,
    })),
    partnershipsByStage: STAGES.map(({ code: stage }) => ({
      stage,
      count: stageCounts.get(stage) ?? 0,
    })),
    partnershipsByArea: areas,
    partnershipsByCountry: countries,
    partnershipsByFunding: funding,
    startedPerYear: [...perYear].map(([period, count]) => ({ period, count })),
    startedPerMonth: started.map((m) => ({ period: m.month, count: m.count })),
    waitingList: {
      hromadas: waitingHromadas.map((h) => ({
        id: h.id,
        name: h.name,
        region: h.region,
        openNeeds: h.open_needs,
        areas: h.areas,
      })),
      partners: sparePartners.map((p) => ({
        id: p.id,
        name: p.name,
        country: p.country,
        capacity: p.capacity,
        openPartnerships: p.open_partnerships,
        spare: p.capacity - p.open_partnerships,
      })),
    },
    offersByArea: offerRows,
  };
}

type Cell = string | number | null;

/** One statistics table as a header and rows, for JSON rows or CSV. */
export function statisticsTable(
  stats: Statistics,
  table: StatisticsTable,
): { header: string[]; rows: Cell[][] } {
  switch (table) {
    case "hromadas-by-oblast":
      return {
        header: [
          "region_code",
          "region_iso",
          "oblast",
          "oblast_latin",
          "hromadas",
          "with_partner",
          "without_partner",
        ],
        rows: stats.hromadasByOblast.map((o) => [
          o.regionCode,
          o.regionIso ?? null,
          o.name,
          o.nameLatin ?? null,
          o.hromadas,
          o.withPartner,
          o.withoutPartner,
        ]),
      };
    case "partnerships-by-stage":
      return {
        header: ["stage", "count"],
        rows: stats.partnershipsByStage.map((r) => [r.stage, r.count]),
      };
    case "offers-by-area":
      return {
        header: ["area", "hromadas", "partners"],
        rows: stats.offersByArea.map((r) => [r.area, r.hromadas, r.partners]),
      };
    case "partnerships-by-area":
      return {
        header: ["area", "count"],
        rows: stats.partnershipsByArea.map((r) => [r.area, r.count]),
      };
    case "partnerships-by-country":
      return {
        header: ["country", "count"],
        rows: stats.partnershipsByCountry.map((r) => [r.country, r.count]),
      };
    case "partnerships-by-funding":
      return {
        header: ["funding", "count"],
        rows: stats.partnershipsByFunding.map((r) => [r.funding, r.count]),
      };
    case "started-per-year":
      return {
        header: ["year", "count"],
        rows: stats.startedPerYear.map((r) => [r.period, r.count]),
      };
    case "started-per-month":
      return {
        header: ["month", "count"],
        rows: stats.startedPerMonth.map((r) => [r.period, r.count]),
      };
    case "waiting-hromadas":
      return {
        header: ["id", "name", "oblast", "open_needs", "areas"],
        rows: stats.waitingList.hromadas.map((h) => [
          h.id,
          h.name,
          h.region,
          h.openNeeds,
          h.areas.join("; "),
        ]),
      };
    case "spare-partners":
      return {
        header: ["id", "name", "country", "capacity", "open_partnerships", "spare"],
        rows: stats.waitingList.partners.map((p) => [
          p.id,
          p.name,
          p.country,
          p.capacity,
          p.openPartnerships,
          p.spare,
        ]),
      };
  }
}

/** A statistics table as JSON rows keyed by its header. */
export function statisticsRows(stats: Statistics, table: StatisticsTable): StatisticsRows {
  const t = statisticsTable(stats, table);
  return {
    table,
    rows: t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? null]))),
  };
}

/** A statistics table as CSV. */
export function statisticsCsv(stats: Statistics, table: StatisticsTable): string {
  const t = statisticsTable(stats, table);
  return toCsv(t.header, t.rows);
}
