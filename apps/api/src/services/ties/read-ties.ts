import { isReviewCountryTie, needsReview, type Tie, type TieSummary } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { toCsv } from "../../lib/csv";

/** The columns every tie read selects (`t` ties, `m` its municipality). */
export const TIE_COLUMNS = sql`t.id, t.data, t.version,
  m.id AS municipality_id, coalesce(m.names->>'latin', m.names->>'en', m.names->>'local') AS municipality_name,
  m.country AS municipality_country, m.region_name AS municipality_region,
  m.data->'region'->>'nameLatin' AS municipality_region_latin, m.sort_name`;

export interface TieRow {
  id: string;
  data: Tie;
  version: number;
  municipality_id: string;
  municipality_name: string;
  municipality_country: string;
  municipality_region: string;
  municipality_region_latin: string | null;
  sort_name: string;
}

/** A tie row as the API returns it, with core's review flags. */
export function toTieSummary(r: TieRow): TieSummary {
  return {
    tie: r.data,
    municipality: {
      id: r.municipality_id,
      name: r.municipality_name,
      country: r.municipality_country,
      region: r.municipality_region,
      ...(r.municipality_region_latin ? { regionLatin: r.municipality_region_latin } : {}),
    },
    reviewCountry: isReviewCountryTie(r.data),
    needsReview: needsReview(r.data),
    version: r.version,
  };
}

/** Ties as CSV for coordinators' spreadsheets. */
export function tiesCsv(items: readonly TieSummary[]): string {
  return toCsv(
    [
      "id",
      "municipality_id",
      "municipality",
      "municipality_country",
      "region",
      "foreign_town",
      "foreign_country",
      "type",
      "status",
      "since",
      "decision_date",
      "decision",
      "needs_review",
      "source",
    ],
    items.map((s) => [
      s.tie.id,
      s.municipality.id,
      s.municipality.name,
      s.municipality.country,
      s.municipality.region,
      s.tie.foreignTown,
      s.tie.foreignCountry,
      s.tie.type,
      s.tie.status,
      s.tie.since ?? "",
      s.tie.decisionDate ?? "",
      s.tie.decision ?? "",
      s.needsReview,
      s.tie.source ?? "",
    ]),
  );
}
