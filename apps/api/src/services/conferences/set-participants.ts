import type { ConferenceDetail } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { getConference, requireConference } from "./get-conference";

/**
 * Registers participants (hromadas and partners mixed). `replace` makes the list exactly these
 * (removing others drops their wishes too); otherwise they are added. Unknown ids are a 422.
 */
export async function setParticipants({
  ctx,
  id,
  municipalityIds,
  replace,
}: {
  ctx: ServiceContext;
  id: string;
  municipalityIds: readonly string[];
  replace: boolean;
}): Promise<ConferenceDetail> {
  requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  await withTransaction(ctx, async (tx) => {
    await requireConference(tx, id, true);
    const ids = [...municipalityIds];
    const found = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM municipalities WHERE id = ANY(${sql.param(ids)}::text[])`,
    );
    const known = new Set(found.map((r) => r.id));
    const errors = ids.flatMap((mid, i) =>
      known.has(mid)
        ? []
        : [
            {
              path: `municipalityIds.${i}`,
              message: `no municipality with id "${mid}"`,
              code: "not-found",
            },
          ],
    );
    if (errors.length)
      throw new UnprocessableError("The conference refers to unknown municipalities.", errors);
    if (replace) {
      await tx.execute(sql`DELETE FROM conference_participants WHERE conference_id = ${id}
        AND NOT (municipality_id = ANY(${sql.param(ids)}::text[]))`);
    }
    if (ids.length > 0) {
      await tx.execute(sql`INSERT INTO conference_participants (conference_id, municipality_id, registered_at)
        SELECT ${id}, unnest(${sql.param(ids)}::text[]), ${at}::timestamptz
        ON CONFLICT DO NOTHING`);
    }
    await tx.execute(sql`UPDATE conferences SET version = version + 1, updated_at = ${at}::timestamptz,
      status = CASE WHEN status = 'planned' THEN 'open' ELSE status END WHERE id = ${id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "conference",
      entityId: id,
      action: replace ? "replace-participants" : "add-participants",
      after: { municipalityIds: ids },
    });
  });
  const detail = await getConference({ ctx, id, full: true });
  if (!detail) throw new Error("the conference just written is missing");
  return detail;
}
