import type { PartnershipDetail } from "@pobratym/core";
import type { Executor } from "../../db/db";
import { NotFoundError } from "../../errors";
import { readPartnership } from "./read-partnerships";

/** One partnership with its full stage history, parties and allowed next moves. */
export async function getPartnership({
  db,
  id,
  now,
  dormantMonths,
}: {
  db: Executor;
  id: string;
  now: Date;
  dormantMonths?: number;
}): Promise<PartnershipDetail> {
  const detail = await readPartnership(db, id, {
    now,
    ...(dormantMonths ? { dormantMonths } : {}),
  });
  if (!detail) throw new NotFoundError("partnership", id);
  return detail;
}
