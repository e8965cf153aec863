import { z } from "zod";
import { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { Id, requiredText, text } from "./common";

/** `short-term` for acute items (heating equipment, generators, vehicles); `long-term` for rebuilding. */
export const NeedHorizon = z.enum(["short-term", "long-term"]);
/** The horizon of a need. */
export type NeedHorizon = z.infer<typeof NeedHorizon>;

/** How urgent a need is, from `low` to `critical`. */
export const NeedPriority = z.enum(["low", "medium", "high", "critical"]);
/** How urgent a need is. */
export type NeedPriority = z.infer<typeof NeedPriority>;

/** Numeric weight of each priority, used by the matching engine. */
export const NEED_PRIORITY_WEIGHT: Readonly<Record<NeedPriority, number>> = {
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
};

/** Where a need stands. */
export const NeedStatus = z.enum(["open", "in-progress", "met", "withdrawn"]);
/** Where a need stands. */
export type NeedStatus = z.infer<typeof NeedStatus>;

/** An optional count of items, such as 12 generators. */
export const Quantity = z.strictObject({
  amount: z.number().positive().max(1e9),
  unit: requiredText(40),
});
/** An optional count of items. */
export type Quantity = z.infer<typeof Quantity>;

/** A hromada's need in one cooperation area. */
export const Need = z.strictObject({
  id: Id,
  area: CooperationAreaCode,
  horizon: NeedHorizon,
  priority: NeedPriority.default("medium"),
  quantity: Quantity.optional(),
  description: text(2000).default(""),
  status: NeedStatus.default("open"),
});
/** A hromada's need in one cooperation area. */
export type Need = z.infer<typeof Need>;

/** The body that creates a need; the id is assigned by the store. */
export const CreateNeedInput = Need.omit({ id: true });
/** The body that creates a need. */
export type CreateNeedInput = z.infer<typeof CreateNeedInput>;
