import { z } from "zod";
import type { IllegalTransitionError, Result } from "../errors";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { moveStage, Stage } from "../taxonomy/stages";
import { Id, IsoDate, IsoDateTime, requiredText, text } from "./common";

/** The kind of agreement behind a partnership. */
export const AgreementType = z.enum([
  "letter-of-intent",
  "twin-town",
  "municipal-partnership",
  "solidarity-partnership",
]);
/** The kind of agreement: letter of intent, twin-town (vänort / vennskapsby), municipal or solidarity partnership. */
export type AgreementType = z.infer<typeof AgreementType>;

/** Who pays: ICLD, KS, SKEW, EU/CEMR, the municipalities' own budgets, or other. */
export const FundingSource = z.enum(["icld", "ks", "skew", "eu-cemr", "own-budget", "other"]);
/** Who pays for a partnership. */
export type FundingSource = z.infer<typeof FundingSource>;

/** One dated stage change and who made it. `from` is null for the partnership's first stage. */
export const StageEvent = z.strictObject({
  from: Stage.nullable(),
  to: Stage,
  at: IsoDateTime,
  by: requiredText(200),
  note: text(1000).optional(),
});
/** One dated stage change and who made it. */
export type StageEvent = z.infer<typeof StageEvent>;

/** A partnership between one hromada and one or more partner municipalities. */
export const Partnership = z
  .strictObject({
    id: Id,
    hromadaId: Id,
    partnerIds: z
      .array(Id)
      .min(1, "a partnership needs at least one partner municipality")
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, "partner ids must be unique"),
    agreementType: AgreementType,
    areas: z.array(CooperationAreaCode).max(20).default([]),
    funding: z.array(FundingSource).max(6).default([]),
    stage: Stage,
    history: z.array(StageEvent).default([]),
    signedOn: IsoDate.optional(),
    description: text(4000).optional(),
    /** Where the partnership is documented (public reporting), for partnerships loaded as facts. */
    source: text(1000).optional(),
  })
  .superRefine((p, ctx) => {
    const last = p.history.at(-1);
    if (last && last.to !== p.stage) {
      ctx.addIssue({
        code: "custom",
        path: ["stage"],
        message: "stage must equal the last history entry",
      });
    }
  });
/** A partnership between one hromada and one or more partner municipalities. */
export type Partnership = z.infer<typeof Partnership>;

/** The body that creates a partnership; id and history are assigned by the store. */
export const CreatePartnershipInput = z.strictObject({
  hromadaId: Id,
  partnerIds: z
    .array(Id)
    .min(1)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, "partner ids must be unique"),
  agreementType: AgreementType,
  areas: z.array(CooperationAreaCode).max(20).default([]),
  funding: z.array(FundingSource).max(6).default([]),
  stage: Stage.default("interest"),
  signedOn: IsoDate.optional(),
  description: text(4000).optional(),
});
/** The body that creates a partnership. */
export type CreatePartnershipInput = z.infer<typeof CreatePartnershipInput>;

/** The body that moves a partnership to another stage. */
export const MovePartnershipInput = z.strictObject({
  to: Stage,
  note: text(1000).optional(),
});
/** The body that moves a partnership to another stage. */
export type MovePartnershipInput = z.infer<typeof MovePartnershipInput>;

/**
 * Applies a stage change to a partnership and appends it to the history, or returns the typed error.
 * The clock is passed in: core never reads it.
 */
export function changeStage(
  partnership: Partnership,
  to: Stage,
  event: { at: string; by: string; note?: string },
): Result<Partnership, IllegalTransitionError> {
  const moved = moveStage(partnership.stage, to);
  if (!moved.ok) return moved;
  const entry: StageEvent = { from: partnership.stage, to, at: event.at, by: event.by };
  if (event.note) entry.note = event.note;
  return {
    ok: true,
    value: { ...partnership, stage: to, history: [...partnership.history, entry] },
  };
}

/** True when nothing has happened to a partnership since `cutoff` (an ISO date-time). */
export function isDormant(
  partnership: Pick<Partnership, "history" | "stage">,
  cutoff: string,
): boolean {
  if (partnership.stage === "ended") return false;
  const last = partnership.history.at(-1);
  if (!last) return true;
  return Date.parse(last.at) < Date.parse(cutoff);
}
