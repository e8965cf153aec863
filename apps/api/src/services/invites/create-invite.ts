import type { CreateInviteInput, Invite } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError, NotFoundError } from "../../errors";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { auditActor, writeAudit } from "../audit/write-audit";
import { type ServiceContext, withTransaction } from "../context";

/** How long an invite can be accepted. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates a one-time invite and returns its token; only the token's hash is stored, so this is
 * the one time anyone sees it. 409 when the email already has an account. The signed-in actor
 * is the inviter; outside a request (the CLI) `as` names who invites.
 */
export function createInvite({
  ctx,
  input,
  as,
}: {
  ctx: ServiceContext;
  input: CreateInviteInput;
  as?: string;
}): Promise<Invite> {
  return withTransaction(ctx, async (tx) => {
    const [existing] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM users WHERE lower(email) = lower(${input.email})`,
    );
    if (existing) throw new ConflictError("A user with this email already exists.");
    const municipalityId = input.role === "editor" ? (input.municipalityId ?? null) : null;
    if (municipalityId) {
      const [m] = await rows<{ id: string }>(
        tx,
        sql`SELECT id FROM municipalities WHERE id = ${municipalityId}`,
      );
      if (!m) throw new NotFoundError("municipality", municipalityId);
    }
    const token = randomToken();
    const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_MS).toISOString();
    const hash = await sha256Hex(token);
    await tx.execute(sql`INSERT INTO invites (token_hash, email, role, municipality_id, invited_by, created_at, expires_at)
    VALUES (${hash}, ${input.email}, ${input.role}, ${municipalityId}, ${auditActor(ctx).id}, ${ctx.now.toISOString()}::timestamptz, ${expiresAt}::timestamptz)`);
    await writeAudit({
      tx,
      ctx,
      entityType: "invite",
      // The hash prefix identifies the invite in the log without being usable as a token.
      entityId: hash.slice(0, 16),
      action: "create",
      after: { role: input.role, municipalityId },
      as,
    });
    return { token, email: input.email, role: input.role, municipalityId, expiresAt };
  });
}
