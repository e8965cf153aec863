import type { Session } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { InvalidCredentialsError } from "../../errors";
import { decoyHash, verifyPassword } from "../../lib/crypto";
import { type ServiceContext, withTransaction } from "../context";
import { toUser, USER_COLUMNS, type UserRow } from "../users/user-row";
import { createSession } from "./create-session";

/**
 * Checks an email and password and opens a session. Unknown emails, disabled users and wrong
 * passwords all give the same 401 after the same amount of hashing, so responses do not reveal
 * which emails have accounts.
 */
export async function signIn({
  ctx,
  email,
  password,
}: {
  ctx: ServiceContext;
  email: string;
  password: string;
}): Promise<Session> {
  const [row] = await rows<UserRow & { password_hash: string | null }>(
    ctx.db.orm,
    sql`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(email) = lower(${email})`,
  );
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  if (!row || !ok || row.disabled || !row.password_hash) throw new InvalidCredentialsError();
  const { password_hash: _hash, ...user } = row;
  const { token, expiresAt } = await withTransaction(ctx, (tx) =>
    createSession({ tx, ctx, userId: user.id }),
  );
  return { token, expiresAt, user: toUser(user) };
}
