import { sql } from "drizzle-orm";
import { sha256Hex } from "../../lib/crypto";
import type { ServiceContext } from "../context";

/** Ends the session of this token (idempotent: an unknown token is already signed out). */
export async function signOut({
  ctx,
  token,
}: {
  ctx: ServiceContext;
  token: string;
}): Promise<void> {
  await ctx.db.orm.execute(sql`DELETE FROM sessions WHERE token_hash = ${await sha256Hex(token)}`);
}
