import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** Every user, coordinators first, then by email. */
export async function listUsers({ db }: { db: Executor }): Promise<User[]> {
  const found = await rows<UserRow>(
    db,
    sql`SELECT ${USER_COLUMNS} FROM users ORDER BY role, lower(email), id`,
  );
  return found.map(toUser);
}
