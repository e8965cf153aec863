import type { PersonalDataExport } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ForbiddenError } from "../../errors";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "../contacts/contact-row";
import { requireActor, type ServiceContext } from "../context";
import { getUser } from "../users/get-user";

const iso = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * Every record about the person with this email (GDPR art. 15): their account (without the
 * password hash), sessions (without tokens), invites, contact-person entries, the contact block
 * of questionnaires they submitted, and the audit entries they made. Emails match case-insensitively.
 * Coordinators export anyone's; an editor only their own (403 otherwise).
 */
export async function exportPersonalData({
  ctx,
  email,
}: {
  ctx: ServiceContext;
  email: string;
}): Promise<PersonalDataExport> {
  const actor = requireActor(ctx, "coordinator", "editor");
  if (actor.role !== "coordinator") {
    const me = await getUser({ ctx, id: actor.userId });
    if (me.email.toLowerCase() !== email.toLowerCase()) {
      throw new ForbiddenError(
        "You may export only your own data; ask a coordinator for anyone else's.",
      );
    }
  }
  const db = ctx.db.orm;
  const [user] = await rows<Record<string, unknown> & { id: string }>(
    db,
    sql`SELECT id, email, name, role, municipality_id AS "municipalityId", ${iso("created_at")} AS "createdAt",
          ${iso("updated_at")} AS "updatedAt", ${iso("disabled_at")} AS "disabledAt"
        FROM users WHERE lower(email) = lower(${email})`,
  );
  const userId = user?.id ?? null;
  const [sessions, invites, contacts, questionnaires, auditEntries] = await Promise.all([
    rows<{ createdAt: string; expiresAt: string }>(
      db,
      sql`SELECT ${iso("created_at")} AS "createdAt", ${iso("expires_at")} AS "expiresAt"
          FROM sessions WHERE user_id = ${userId} ORDER BY created_at`,
    ),
    rows<Record<string, unknown>>(
      db,
      sql`SELECT email, role, municipality_id AS "municipalityId", ${iso("created_at")} AS "createdAt",
            ${iso("expires_at")} AS "expiresAt", ${iso("accepted_at")} AS "acceptedAt"
          FROM invites WHERE lower(email) = lower(${email}) ORDER BY created_at`,
    ),
    rows<ContactRow>(
      db,
      sql`SELECT ${CONTACT_COLUMNS} FROM contact_persons WHERE lower(email) = lower(${email}) ORDER BY created_at, id`,
    ),
    rows<{ id: string; municipalityId: string | null; contact: unknown }>(
      db,
      sql`SELECT id, municipality_id AS "municipalityId", data->'contact' AS contact
          FROM questionnaires WHERE lower(data->'contact'->>'email') = lower(${email}) ORDER BY submitted_at, id`,
    ),
    rows<Record<string, unknown>>(
      db,
      sql`SELECT id::text AS id, ${iso("at")} AS at, actor_label AS "actorLabel", entity_type AS "entityType",
            entity_id AS "entityId", action, before, after
          FROM audit_log WHERE actor_id = ${userId} ORDER BY at, id`,
    ),
  ]);
  return {
    email,
    exportedAt: ctx.now.toISOString(),
    user: user ?? null,
    sessions,
    invites,
    contacts: contacts.map(toContact),
    questionnaires,
    auditEntries,
  };
}
