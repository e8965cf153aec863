import type { ConferenceDetail, ConferenceWishesInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { getConference, requireConference } from "./get-conference";

/**
 * Replaces the ranked wish lists of the participants named in `input` (others keep theirs).
 * Both ends must be participants, on opposite sides (a hromada wishes partners and vice versa).
 */
export async function setWishes({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: ConferenceWishesInput;
}): Promise<ConferenceDetail> {
  requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  await withTransaction(ctx, async (tx) => {
    await requireConference(tx, id, true);
    const participants = await rows<{ id: string; kind: "hromada" | "partner" }>(
      tx,
      sql`SELECT m.id, m.kind FROM conference_participants cp JOIN municipalities m ON m.id = cp.municipality_id
          WHERE cp.conference_id = ${id}`,
    );
    const kindOf = new Map(participants.map((p) => [p.id, p.kind]));
    const errors: { path: string; message: string; code: string }[] = [];
    input.wishes.forEach((w, i) => {
      const from = kindOf.get(w.fromId);
      if (!from) {
        errors.push({
          path: `wishes.${i}.fromId`,
          message: `"${w.fromId}" is not a participant`,
          code: "not-participant",
        });
        return;
      }
      w.toIds.forEach((to, j) => {
        const kind = kindOf.get(to);
        if (!kind)
          errors.push({
            path: `wishes.${i}.toIds.${j}`,
            message: `"${to}" is not a participant`,
            code: "not-participant",
          });
        else if (kind === from)
          errors.push({
            path: `wishes.${i}.toIds.${j}`,
            message: `"${to}" is on the same side as "${w.fromId}"`,
            code: "same-side",
          });
      });
    });
    if (errors.length)
      throw new UnprocessableError("Wishes must name participants of the other side.", errors);
    const fromIds = input.wishes.map((w) => w.fromId);
    if (fromIds.length > 0) {
      await tx.execute(
        sql`DELETE FROM conference_wishes WHERE conference_id = ${id} AND from_id = ANY(${sql.param(fromIds)}::text[])`,
      );
    }
    const values = input.wishes.flatMap((w) =>
      w.toIds.map((to, rank) => sql`(${id}, ${w.fromId}, ${to}, ${rank + 1})`),
    );
    if (values.length > 0) {
      await tx.execute(
        sql`INSERT INTO conference_wishes (conference_id, from_id, to_id, rank) VALUES ${sql.join(values, sql`, `)}`,
      );
    }
    await tx.execute(
      sql`UPDATE conferences SET version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${id}`,
    );
    await writeAudit({
      tx,
      ctx,
      entityType: "conference",
      entityId: id,
      action: "set-wishes",
      after: input,
    });
  });
  const detail = await getConference({ ctx, id, full: true });
  if (!detail) throw new Error("the conference just written is missing");
  return detail;
}
