import { z } from "zod";
import { CountryCode, Id, IsoDate, IsoDateTime } from "../model/common";
import { AgreementType, FundingSource, Partnership } from "../model/partnership";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { Stage } from "../taxonomy/stages";
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

/** Query parameters of `GET /api/v1/partnerships`. Lists are comma-separated. */
export const PartnershipListQuery = z.strictObject({
  stage: list(Stage).optional(),
  /** The country of any partner municipality. */
  country: list(CountryCode).optional(),
  area: list(CooperationAreaCode).optional(),
  funding: list(FundingSource).optional(),
  hromadaId: Id.optional(),
  partnerId: Id.optional(),
  /** Only partnerships with (true) or without (false) activity in the last `dormantMonths` months. */
  dormant: boolParam.optional(),
  /** How many months without a stage change make an open partnership dormant. */
  dormantMonths: z.coerce.number().int().min(1).max(120).default(6),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(300).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
/** Query parameters of `GET /api/v1/partnerships`. */
export type PartnershipListQuery = z.infer<typeof PartnershipListQuery>;

/** One side of a partnership as lists show it: id, display name and country. */
export const PartnershipParty = z.object({
  id: Id,
  name: z.string(),
  country: CountryCode,
  region: z.string().optional(),
});
/** One side of a partnership as lists show it. */
export type PartnershipParty = z.infer<typeof PartnershipParty>;

/** The list view of a partnership, with a `dormant` flag computed against the request's cut-off. */
export const PartnershipSummary = z.object({
  id: Id,
  hromada: PartnershipParty,
  partners: z.array(PartnershipParty),
  agreementType: AgreementType,
  areas: z.array(CooperationAreaCode),
  funding: z.array(FundingSource),
  stage: Stage,
  signedOn: IsoDate.optional(),
  /** When the first stage was recorded. */
  startedAt: IsoDateTime,
  /** When the stage last changed. */
  lastActivityAt: IsoDateTime,
  dormant: z.boolean(),
  version: z.number().int().positive(),
});
/** The list view of a partnership. */
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;

/** The page `GET /api/v1/partnerships` returns. */
export const PartnershipPage = Page(PartnershipSummary);
/** The page `GET /api/v1/partnerships` returns. */
export type PartnershipPage = z.infer<typeof PartnershipPage>;

/** The body of `GET /api/v1/partnerships/{id}` and of successful writes: the partnership with its full history. */
export const PartnershipDetail = z.object({
  partnership: Partnership,
  hromada: PartnershipParty,
  partners: z.array(PartnershipParty),
  /** The stages it may move to next (core allowedMoves). */
  allowedMoves: z.array(Stage),
  dormant: z.boolean(),
  /** The row version; also sent as the ETag, for If-Match on the next move. */
  version: z.number().int().positive(),
});
/** The body of `GET /api/v1/partnerships/{id}`. */
export type PartnershipDetail = z.infer<typeof PartnershipDetail>;
