import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { sha256Hex } from "../../lib/crypto";
import { isSessionTokenShaped } from "../../lib/session-token";
import type { Actor } from "./actor";

/**
 * The actor behind a session token, or null when the token is unknown, expired, or its user is
 * disabled. Only the token's SHA-256 is looked up, never the token itself.
 */
export async function resolveSession({
  db,
  token,
  now,
}: {
  db: Executor;
  token: string;
  now: string;
}): Promise<Actor | null> {
  if (!isSessionTokenShaped(token)) return null;
  const hash = await sha256Hex(token);
  const [row] = await rows<{
    id: string;
    role: Actor["role"];
    municipality_id: string | null;
    name: string;
  }>(
    db,
    sql`SELECT u.id, u.role, u.municipality_id, u.name
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${hash} AND s.expires_at > ${now}::timestamptz AND u.disabled_at IS NULL`,
  );
  if (!row) return null;
  return { userId: row.id, role: row.role, municipalityId: row.municipality_id, label: row.name };
}
