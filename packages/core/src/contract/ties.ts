import { z } from "zod";
import { CountryCode, Id, IsoDate, text } from "../model/common";
import { Tie, TieStatus } from "../model/tie";
import { Page } from "./http";

const list = <T extends z.ZodType>(item: T) =>
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

/** Query parameters of `GET /api/v1/ties`. Lists are comma-separated. */
export const TieListQuery = z.strictObject({
  municipalityId: Id.optional(),
  /** The foreign town's country. */
  country: list(CountryCode).optional(),
  status: list(TieStatus).optional(),
  /** Only (true) or no (false) ties with Russian or Belarusian towns. */
  review: boolParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(300).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
/** Query parameters of `GET /api/v1/ties`. */
export type TieListQuery = z.infer<typeof TieListQuery>;

/** Query parameters of `GET /api/v1/ties/review`. */
export const TieReviewQuery = z.strictObject({
  format: z.enum(["json", "csv"]).default("json"),
  /** Only ties still awaiting a decision (active or under review). */
  pending: boolParam.optional(),
});
/** Query parameters of `GET /api/v1/ties/review`. */
export type TieReviewQuery = z.infer<typeof TieReviewQuery>;

/** A tie with its municipality's name and country, the review flags and its row version. */
export const TieSummary = z.object({
  tie: Tie,
  municipality: z.object({
    id: Id,
    name: z.string(),
    country: CountryCode,
    /** The region's name as the municipality's country writes it (Cyrillic for an oblast). */
    region: z.string(),
    /** The region's Latin name where it has one (the official transliteration of an oblast). */
    regionLatin: z.string().optional(),
  }),
  /** With a Russian or Belarusian town (core isReviewCountryTie). */
  reviewCountry: z.boolean(),
  /** With such a town and still active or under review (core needsReview). */
  needsReview: z.boolean(),
  version: z.number().int().positive(),
});
/** A tie with its municipality and review flags. */
export type TieSummary = z.infer<typeof TieSummary>;

/** The page `GET /api/v1/ties` returns. */
export const TiePage = Page(TieSummary);
/** The page `GET /api/v1/ties` returns. */
export type TiePage = z.infer<typeof TiePage>;

/** The body of `GET /api/v1/ties/review`: ties with Russian or Belarusian towns, undecided first. */
export const TieReview = z.object({
  /** How many such ties there are in each status. */
  counts: z.array(z.object({ status: TieStatus, count: z.number().int().nonnegative() })),
  /** Ties needing review first, then frozen, then terminated; by municipality name within each. */
  items: z.array(TieSummary),
});
/** The body of `GET /api/v1/ties/review`. */
export type TieReview = z.infer<typeof TieReview>;

/** The body of `PATCH /api/v1/ties/{id}`: the review fields; null clears a date or decision. */
export const UpdateTieInput = z
  .strictObject({
    status: TieStatus.optional(),
    decisionDate: IsoDate.nullable().optional(),
    decision: text(1000).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "send at least one of status, decisionDate, decision");
/** The body of `PATCH /api/v1/ties/{id}`. */
export type UpdateTieInput = z.infer<typeof UpdateTieInput>;
