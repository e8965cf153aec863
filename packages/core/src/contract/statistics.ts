import { z } from "zod";
import { CountryCode, Id } from "../model/common";
import { FundingSource } from "../model/partnership";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { Stage } from "../taxonomy/stages";

const count = z.number().int().nonnegative();

/** Hromadas of one oblast with and without a partner (a partnership that has not ended). */
export const OblastCoverage = z.object({
  regionCode: z.string(),
  regionIso: z.string().optional(),
  name: z.string(),
  nameLatin: z.string().optional(),
  hromadas: count,
  withPartner: count,
  withoutPartner: count,
});
/** Hromadas of one oblast with and without a partner. */
export type OblastCoverage = z.infer<typeof OblastCoverage>;

/** A hromada waiting for a partner: open needs, and no partnership beyond `interest`. */
export const WaitingHromada = z.object({
  id: Id,
  name: z.string(),
  region: z.string(),
  openNeeds: count,
  areas: z.array(CooperationAreaCode),
});
/** A hromada waiting for a partner. */
export type WaitingHromada = z.infer<typeof WaitingHromada>;

/** A partner municipality with spare capacity: capacity minus its open partnerships. */
export const SparePartner = z.object({
  id: Id,
  name: z.string(),
  country: CountryCode,
  capacity: count,
  openPartnerships: count,
  spare: count,
});
/** A partner municipality with spare capacity. */
export type SparePartner = z.infer<typeof SparePartner>;

/** Aggregated, public figures for funders' reports; no personal data. */
export const Statistics = z.object({
  generatedAt: z.string(),
  hromadasByOblast: z.array(OblastCoverage),
  /** Every partnership, ended ones included. */
  partnershipsByStage: z.array(z.object({ stage: Stage, count })),
  /** Open (not ended) partnerships per cooperation area; one partnership may count in several. */
  partnershipsByArea: z.array(z.object({ area: CooperationAreaCode, count })),
  /** Open partnerships per partner country; a partnership counts once per country. */
  partnershipsByCountry: z.array(z.object({ country: CountryCode, count })),
  /** Open partnerships per funding source; `none` when no source is recorded. */
  partnershipsByFunding: z.array(
    z.object({ funding: z.union([FundingSource, z.literal("none")]), count }),
  ),
  /** Partnerships by the year (`YYYY`) and month (`YYYY-MM`, UTC) of their first recorded stage. */
  startedPerYear: z.array(z.object({ period: z.string(), count })),
  startedPerMonth: z.array(z.object({ period: z.string(), count })),
  waitingList: z.object({ hromadas: z.array(WaitingHromada), partners: z.array(SparePartner) }),
  /**
   * Offers of published profiles per cooperation area, both ways: what hromadas offer back (crisis
   * management, civil defence, …) and what partners offer.
   */
  offersByArea: z
    .array(z.object({ area: CooperationAreaCode, hromadas: count, partners: count }))
    .default([]),
});
/** The body of `GET /api/v1/statistics`. */
export type Statistics = z.infer<typeof Statistics>;

/** The tables `GET /api/v1/statistics/{table}` serves, as JSON rows or CSV. */
export const StatisticsTable = z.enum([
  "hromadas-by-oblast",
  "partnerships-by-stage",
  "partnerships-by-area",
  "partnerships-by-country",
  "partnerships-by-funding",
  "started-per-year",
  "started-per-month",
  "waiting-hromadas",
  "spare-partners",
  "offers-by-area",
]);
/** A statistics table name. */
export type StatisticsTable = z.infer<typeof StatisticsTable>;

/** Query parameters of `GET /api/v1/statistics/{table}`. */
export const StatisticsTableQuery = z.strictObject({
  format: z.enum(["json", "csv"]).default("json"),
});
/** Query parameters of `GET /api/v1/statistics/{table}`. */
export type StatisticsTableQuery = z.infer<typeof StatisticsTableQuery>;

/** The body of `GET /api/v1/statistics/{table}` as JSON: the table's rows. */
export const StatisticsRows = z.object({
  table: StatisticsTable,
  rows: z.array(
    z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.string())])),
  ),
});
/** The body of `GET /api/v1/statistics/{table}` as JSON. */
export type StatisticsRows = z.infer<typeof StatisticsRows>;
