import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** One user by id (404 when there is none). */
export async function getUser({ db, id }: { db: Executor; id: string }): Promise<User> {
  const [row] = await rows<UserRow>(db, sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ${id}`);
  if (!row) throw new NotFoundError("user", id);
  return toUser(row);
}
