import type { ConferenceDetail, CreateConferenceInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { ValidationError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { getConference } from "./get-conference";

/** Creates a conference (status `planned`) with an audit entry. */
export async function createConference({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateConferenceInput;
}): Promise<ConferenceDetail> {
  requireActor(ctx, "coordinator");
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw new ValidationError([
      { path: "endsOn", message: "must not be before startsOn", code: "custom" },
    ]);
  }
  const id = crypto.randomUUID();
  const at = ctx.now.toISOString();
  await withTransaction(ctx, async (tx) => {
    await tx.execute(sql`INSERT INTO conferences (id, title, starts_on, ends_on, location, status, data, created_at, updated_at)
      VALUES (${id}, ${input.title}, ${input.startsOn}::date, ${input.endsOn ?? null}::date, ${input.location ?? null},
        'planned', ${JSON.stringify({ description: input.description ?? null })}::jsonb, ${at}::timestamptz, ${at}::timestamptz)`);
    await writeAudit({
      tx,
      ctx,
      entityType: "conference",
      entityId: id,
      action: "create",
      after: input,
    });
  });
  const detail = await getConference({ ctx, id, full: true });
  if (!detail) throw new Error("the conference just written is missing");
  return detail;
}
