import type { AcceptInviteInput, Session } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { InvalidInviteError } from "../../errors";
import { sha256Hex } from "../../lib/crypto";
import { createSession } from "../auth/create-session";
import { type ServiceContext, withTransaction } from "../context";
import { createUser } from "../users/create-user";

/**
 * Accepts an invite: marks it used and creates the user in one transaction, then signs them in.
 * The conditional UPDATE is what makes a token single-use, even for two accepts at once.
 */
export async function acceptInvite({
  ctx,
  input,
  iterations,
}: {
  ctx: ServiceContext;
  input: AcceptInviteInput;
  iterations?: number;
}): Promise<Session> {
  const hash = await sha256Hex(input.token);
  const at = ctx.now.toISOString();
  // The invitee is not signed in yet: a session the request happens to carry is not the writer.
  const invitee: ServiceContext = { ...ctx, actor: null };
  return withTransaction(ctx, async (tx) => {
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
      ctx: invitee,
      email: invite.email,
      name: input.name,
      role: invite.role,
      municipalityId: invite.municipality_id,
      password: input.password,
      iterations,
      as: "invite",
    });
    const session = await createSession({ tx, ctx, userId: user.id });
    return { ...session, user };
  });
}
