import type { User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError, NotFoundError } from "../../errors";
import { hashPassword } from "../../lib/crypto";
import { writeAudit } from "../audit/write-audit";
import type { ServiceContext, Tx } from "../context";
import { toUser, USER_COLUMNS, type UserRow } from "./user-row";

/**
 * Creates a user with a hashed password inside the caller's transaction. The email is unique
 * case-insensitively (409 otherwise); an editor's municipality must exist (404 otherwise).
 * `as` names the writer in the audit log when nobody is signed in ("invite", "bootstrap").
 */
export async function createUser({
  tx,
  ctx,
  email,
  name,
  role,
  municipalityId,
  password,
  iterations,
  as,
}: {
  tx: Tx;
  ctx: ServiceContext;
  email: string;
  name: string;
  role: User["role"];
  municipalityId: string | null;
  password: string;
  iterations?: number;
  as?: string;
}): Promise<User> {
  const at = ctx.now.toISOString();
  if (municipalityId) {
    const [m] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM municipalities WHERE id = ${municipalityId}`,
    );
    if (!m) throw new NotFoundError("municipality", municipalityId);
  }
  const id = `user-${crypto.randomUUID()}`;
  const hash = await hashPassword(password, iterations);
  const [row] = await rows<UserRow>(
    tx,
    sql`INSERT INTO users (id, email, name, role, municipality_id, password_hash, created_at, updated_at)
        VALUES (${id}, ${email}, ${name}, ${role}, ${role === "editor" ? municipalityId : null}, ${hash},
          ${at}::timestamptz, ${at}::timestamptz)
        ON CONFLICT DO NOTHING
        RETURNING ${USER_COLUMNS}`,
  );
  if (!row) throw new ConflictError("A user with this email already exists.");
  const user = toUser(row);
  // The audit keeps who was created and with which role, not their email (erasable personal data).
  await writeAudit({
    tx,
    ctx,
    entityType: "user",
    entityId: id,
    action: "create",
    after: { role: user.role, municipalityId: user.municipalityId },
    as,
  });
  return user;
}
