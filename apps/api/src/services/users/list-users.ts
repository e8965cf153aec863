import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { requireActor, type ServiceContext } from "../context";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** Every user, coordinators first, then by email. */
export async function listUsers({ ctx }: { ctx: ServiceContext }): Promise<User[]> {
  requireActor(ctx, "coordinator");
  const found = await rows<UserRow>(
    ctx.db.orm,
    sql`SELECT ${USER_COLUMNS} FROM users ORDER BY role, lower(email), id`,
  );
  return found.map(toUser);
}
