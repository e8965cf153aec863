import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { readUser } from "./get-user";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** Disables a user and ends their sessions, in one transaction. A coordinator cannot disable themself. */
export async function disableUser({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<User> {
  const actor = requireActor(ctx, "coordinator");
  if (id === actor.userId) throw new ConflictError("You cannot disable your own account.");
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    const before = await readUser(tx, id);
    const [row] = await rows<UserRow>(
      tx,
      sql`UPDATE users SET disabled_at = COALESCE(disabled_at, ${at}::timestamptz), updated_at = ${at}::timestamptz
          WHERE id = ${id} RETURNING ${USER_COLUMNS}`,
    );
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    const after = toUser(row as UserRow);
    await writeAudit({
      tx,
      ctx,
      entityType: "user",
      entityId: id,
      action: "disable",
      before: { disabled: before.disabled },
      after: { disabled: true },
    });
    return after;
  });
}
