import type { ConferenceDetail, CreateConferenceInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/db";
import { ValidationError } from "../../errors";
import { writeAudit } from "../catalogue/write-audit";
import { getConference } from "./get-conference";

/** Who changes a conference. */
export interface ConferenceContext {
  actor: { id: string | null; label: string };
  now: Date;
  requestId?: string | null;
}

/** Creates a conference (status `planned`) with an audit entry. */
export async function createConference({
  db,
  input,
  ctx,
}: {
  db: Db;
  input: CreateConferenceInput;
  ctx: ConferenceContext;
}): Promise<ConferenceDetail> {
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw new ValidationError([
      { path: "endsOn", message: "must not be before startsOn", code: "custom" },
    ]);
  }
  const id = crypto.randomUUID();
  const at = ctx.now.toISOString();
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO conferences (id, title, starts_on, ends_on, location, status, data, created_at, updated_at)
      VALUES (${id}, ${input.title}, ${input.startsOn}::date, ${input.endsOn ?? null}::date, ${input.location ?? null},
        'planned', ${JSON.stringify({ description: input.description ?? null })}::jsonb, ${at}::timestamptz, ${at}::timestamptz)`);
    await writeAudit({
      tx,
      at,
      actor: ctx.actor,
      entityType: "conference",
      entityId: id,
      action: "create",
      after: input,
      requestId: ctx.requestId ?? null,
    });
  });
  const detail = await getConference({ db: db.orm, id, full: true });
  if (!detail) throw new Error("the conference just written is missing");
  return detail;
}
