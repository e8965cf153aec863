import { z } from "zod";
import { CountryCode, Id } from "../model/common";
import { MunicipalityKind } from "../model/municipality";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { SituationCategory } from "../taxonomy/situations";

/** An RFC 9457 problem document, as every API error is returned. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.string().optional(),
        /** What the code's message needs, e.g. `{ max: 4000 }` for `too-long` (core `describeIssue`). */
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
  allowed: z.array(z.string()).optional(),
  /** On a 409 for a duplicate: the id of the record that already exists. */
  existingId: z.string().optional(),
});
/** An RFC 9457 problem document, as every API error is returned. */
export type Problem = z.infer<typeof Problem>;

/** A page of a cursor-paginated list. `nextCursor` is null on the last page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional(),
  });
}

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(50),
  );

const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

/** Query parameters of `GET /api/v1/municipalities`. Lists are comma-separated. */
export const MunicipalityListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: MunicipalityKind.optional(),
  country: csv(CountryCode).optional(),
  region: csv(z.string().max(32)).optional(),
  situation: csv(SituationCategory).optional(),
  area: csv(CooperationAreaCode).optional(),
  hasPartner: boolParam.optional(),
  minPopulation: z.coerce.number().int().nonnegative().optional(),
  maxPopulation: z.coerce.number().int().nonnegative().optional(),
  status: z.enum(["draft", "published"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  format: z.enum(["json", "geojson", "csv"]).default("json"),
});
/** Query parameters of `GET /api/v1/municipalities`. */
export type MunicipalityListQuery = z.infer<typeof MunicipalityListQuery>;

/** The list view of a municipality, as the catalogue returns it (no personal data). */
export const MunicipalitySummary = z.object({
  id: Id,
  kind: MunicipalityKind,
  country: CountryCode,
  officialCode: z.string(),
  names: z.object({
    local: z.string(),
    uk: z.string().optional(),
    latin: z.string().optional(),
    en: z.string().optional(),
  }),
  region: z.object({
    code: z.string(),
    name: z.string(),
    nameLatin: z.string().optional(),
    iso: z.string().optional(),
  }),
  population: z.number().int().optional(),
  populationYear: z.number().int().optional(),
  areaKm2: z.number().optional(),
  centre: z.object({ lat: z.number(), lon: z.number() }).optional(),
  situation: SituationCategory.optional(),
  capacity: z.number().int().optional(),
  partnershipCount: z.number().int().nonnegative(),
  areas: z.array(CooperationAreaCode),
  status: z.enum(["draft", "published"]),
});
/** The list view of a municipality. */
export type MunicipalitySummary = z.infer<typeof MunicipalitySummary>;

/** The page `GET /api/v1/municipalities` returns. */
export const MunicipalityPage = Page(MunicipalitySummary);
/** The page `GET /api/v1/municipalities` returns. */
export type MunicipalityPage = z.infer<typeof MunicipalityPage>;

/** The body of `GET /api/v1/health`. */
export const Health = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
  municipalities: z.number().int().nonnegative(),
  /**
   * What the catalogue holds: `demo` (the built-in demo dataset, which the dashboard marks as
   * such), `real` (the reference catalogue and what people entered), or `empty`.
   */
  catalogue: z.enum(["demo", "real", "empty"]),
});
/** The body of `GET /api/v1/health`. */
export type Health = z.infer<typeof Health>;
