import type { PartnershipDetail } from "@pobratym/core";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";
import { readPartnership } from "./read-partnerships";

/** One partnership with its full stage history, parties and allowed next moves. */
export async function getPartnership({
  ctx,
  id,
  dormantMonths,
}: {
  ctx: ServiceContext;
  id: string;
  dormantMonths?: number;
}): Promise<PartnershipDetail> {
  const db = ctx.db.orm;
  const now = ctx.now;
  const detail = await readPartnership(db, id, {
    now,
    ...(dormantMonths ? { dormantMonths } : {}),
  });
  if (!detail) throw new NotFoundError("partnership", id);
  return detail;
}
