import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";
import { randomToken, sha256Hex } from "../../lib/crypto";
import type { ServiceContext } from "../context";

/** How long a session lasts from sign-in. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * Starts a session for a user inside the caller's transaction; returns the token (shown once)
 * and its expiry. Only the hash is stored.
 */
export async function createSession({
  tx,
  ctx,
  userId,
  ttlMs = SESSION_TTL_MS,
}: {
  tx: Executor;
  ctx: ServiceContext;
  userId: string;
  ttlMs?: number;
}): Promise<{ token: string; expiresAt: string }> {
  const at = ctx.now.toISOString();
  // Housekeeping on the way in: the user's expired sessions are of no use to anyone.
  await tx.execute(
    sql`DELETE FROM sessions WHERE user_id = ${userId} AND expires_at <= ${at}::timestamptz`,
  );
  const token = randomToken();
  const expiresAt = new Date(ctx.now.getTime() + ttlMs).toISOString();
  await tx.execute(sql`INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
    VALUES (${await sha256Hex(token)}, ${userId}, ${at}::timestamptz, ${expiresAt}::timestamptz)`);
  return { token, expiresAt };
}
