import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/** One user by id (404 when there is none). */
export function getUser({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<User> {
  return readUser(ctx.db.orm, id);
}

/** One user by id on `executor` (404 when there is none), for reads inside a transaction. */
export async function readUser(executor: Executor, id: string): Promise<User> {
  const [row] = await rows<UserRow>(
    executor,
    sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ${id}`,
  );
  if (!row) throw new NotFoundError("user", id);
  return toUser(row);
}
