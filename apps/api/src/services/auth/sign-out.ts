import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";
import { sha256Hex } from "../../lib/crypto";

/** Ends the session of this token (idempotent: an unknown token is already signed out). */
export async function signOut({ db, token }: { db: Executor; token: string }): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE token_hash = ${await sha256Hex(token)}`);
}
