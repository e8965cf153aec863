import type { AcceptInviteInput, Session } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Orm, rows } from "../../db/db";
import { InvalidInviteError } from "../../errors";
import { sha256Hex } from "../../lib/crypto";
import { createSession } from "../auth/create-session";
import { createUser } from "../users/create-user";

/**
 * Accepts an invite: marks it used and creates the user in one transaction, then signs them in.
 * The conditional UPDATE is what makes a token single-use, even for two accepts at once.
 */
export async function acceptInvite({
  db,
  input,
  now,
  iterations,
}: {
  db: Orm;
  input: AcceptInviteInput;
  now: Date;
  iterations?: number;
}): Promise<Session> {
  const hash = await sha256Hex(input.token);
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [invite] = await rows<{
      email: string;
      role: "coordinator" | "editor";
      municipality_id: string | null;
    }>(
      tx,
      sql`UPDATE invites SET accepted_at = ${at}::timestamptz
          WHERE token_hash = ${hash} AND accepted_at IS NULL AND expires_at > ${at}::timestamptz
          RETURNING email, role, municipality_id`,
    );
    if (!invite) throw new InvalidInviteError();
    const user = await createUser({
      tx,
      email: invite.email,
      name: input.name,
      role: invite.role,
      municipalityId: invite.municipality_id,
      password: input.password,
      now: at,
      actor: { id: null, label: "invite" },
      iterations,
    });
    const session = await createSession({ tx, userId: user.id, now });
    return { ...session, user };
  });
}
