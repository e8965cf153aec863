import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Orm, rows } from "../../db/db";
import { ConflictError } from "../../errors";
import { writeAudit } from "../catalogue/write-audit";
import { getUser } from "./get-user";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** Disables a user and ends their sessions, in one transaction. A coordinator cannot disable themself. */
export async function disableUser({
  db,
  id,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  id: string;
  actor: { id: string; label: string };
  now: string;
  requestId: string;
}): Promise<User> {
  if (id === actor.id) throw new ConflictError("You cannot disable your own account.");
  return db.transaction(async (tx) => {
    const before = await getUser({ db: tx, id });
    const [row] = await rows<UserRow>(
      tx,
      sql`UPDATE users SET disabled_at = COALESCE(disabled_at, ${now}::timestamptz), updated_at = ${now}::timestamptz
          WHERE id = ${id} RETURNING ${USER_COLUMNS}`,
    );
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    const after = toUser(row as UserRow);
    await writeAudit({
      tx,
      at: now,
      actor,
      entityType: "user",
      entityId: id,
      action: "disable",
      before: { disabled: before.disabled },
      after: { disabled: true },
      requestId,
    });
    return after;
  });
}
