import type { ErasureSummary } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { sha256Hex } from "../../lib/crypto";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";

const ERASED_CONTACT = { name: "[erased]", languages: [] };

/**
 * Erases a person (GDPR art. 17) in one transaction: their account (sessions go with it),
 * invites to them and contact-person entries are deleted; questionnaires keep their answers but
 * lose the contact block; audit entries they made keep a pseudonymous actor (`erased-<hash>`), and
 * audit snapshots of their contact entries are blanked. Partnership histories name who made each
 * stage change by display name: in partnerships the person changed (per the audit log), entries
 * with their name get the pseudonym too, in the events table and in the stored history. The
 * erasure itself is audited without the email.
 */
export async function erasePersonalData({
  ctx,
  email,
}: {
  ctx: ServiceContext;
  email: string;
}): Promise<ErasureSummary> {
  requireActor(ctx, "coordinator");
  const pseudonym = `erased-${(await sha256Hex(`pobratym-erasure:${email.toLowerCase()}`)).slice(0, 12)}`;
  return withTransaction(ctx, async (tx) => {
    const users = await rows<{ id: string; name: string }>(
      tx,
      sql`SELECT id, name FROM users WHERE lower(email) = lower(${email}) FOR UPDATE`,
    );
    const userIds = users.map((u) => u.id);
    const names = sql.param(users.map((u) => u.name));
    // Before the audit is pseudonymised: it is what says which partnerships the person changed.
    const changed = sql`SELECT DISTINCT entity_id FROM audit_log
      WHERE entity_type = 'partnership' AND actor_id = ANY(${sql.param(userIds)}::text[])`;
    const stageChanges = await rows<{ n: number }>(
      tx,
      sql`UPDATE partnership_events SET by = ${pseudonym}
          WHERE partnership_id IN (${changed}) AND by = ANY(${names}::text[]) RETURNING 1 AS n`,
    );
    await tx.execute(sql`UPDATE partnerships SET data = jsonb_set(data, '{history}', (
        SELECT coalesce(jsonb_agg(CASE WHEN h->>'by' = ANY(${names}::text[])
          THEN jsonb_set(h, '{by}', to_jsonb(${pseudonym}::text)) ELSE h END ORDER BY ord), '[]'::jsonb)
        FROM jsonb_array_elements(data->'history') WITH ORDINALITY AS x(h, ord)))
      WHERE id IN (${changed}) AND jsonb_typeof(data->'history') = 'array'`);
    const sessions = await rows<{ n: number }>(
      tx,
      sql`DELETE FROM sessions WHERE user_id = ANY(${sql.param(userIds)}::text[]) RETURNING 1 AS n`,
    );
    const audit = await rows<{ id: string }>(
      tx,
      sql`UPDATE audit_log SET actor_id = ${pseudonym}, actor_label = ${pseudonym}
          WHERE actor_id = ANY(${sql.param(userIds)}::text[]) RETURNING id::text AS id`,
    );
    const contacts = await rows<{ id: string }>(
      tx,
      sql`DELETE FROM contact_persons WHERE lower(email) = lower(${email}) RETURNING id`,
    );
    // Snapshots of the person's contact entries live on in the audit's before/after: blank them.
    const snapshots = await rows<{ id: string }>(
      tx,
      sql`UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased":true}'::jsonb END,
            after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased":true}'::jsonb END
          WHERE entity_type = 'contact'
            AND (lower(before->>'email') = lower(${email}) OR lower(after->>'email') = lower(${email})
                 OR entity_id = ANY(${sql.param(contacts.map((c) => c.id))}::text[]))
          RETURNING id::text AS id`,
    );
    const questionnaires = await rows<{ id: string }>(
      tx,
      sql`UPDATE questionnaires SET data = jsonb_set(data, '{contact}', ${JSON.stringify(ERASED_CONTACT)}::jsonb)
          WHERE lower(data->'contact'->>'email') = lower(${email}) RETURNING id`,
    );
    const invites = await rows<{ n: number }>(
      tx,
      sql`DELETE FROM invites WHERE lower(email) = lower(${email}) RETURNING 1 AS n`,
    );
    await tx.execute(sql`DELETE FROM users WHERE id = ANY(${sql.param(userIds)}::text[])`);
    const summary: ErasureSummary = {
      email,
      users: userIds.length,
      sessions: sessions.length,
      invites: invites.length,
      contacts: contacts.length,
      questionnaires: questionnaires.length,
      auditEntries: new Set([...audit, ...snapshots].map((a) => a.id)).size,
      stageChanges: stageChanges.length,
    };
    const { email: _email, ...counts } = summary;
    await writeAudit({
      tx,
      ctx,
      entityType: "person",
      entityId: pseudonym,
      action: "erase",
      after: counts,
    });
    return summary;
  });
}
