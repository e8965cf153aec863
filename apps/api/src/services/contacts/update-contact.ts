import { type Contact, ContactPerson, type UpdateContactInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError, ValidationError } from "../../errors";
import { StaleVersionError } from "../../lib/if-match";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, withTransaction } from "../context";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/**
 * Changes a contact person of a municipality at `expectedVersion` (412 otherwise), audited;
 * `null` in the patch removes role, email or phone. The version goes up by one.
 */
export async function updateContact({
  ctx,
  municipalityId,
  contactId,
  patch,
  expectedVersion,
}: {
  ctx: ServiceContext;
  municipalityId: string;
  contactId: string;
  patch: UpdateContactInput;
  expectedVersion: number;
}): Promise<Contact> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  return withTransaction(ctx, async (tx) => {
    const [current] = await rows<ContactRow>(
      tx,
      sql`SELECT ${CONTACT_COLUMNS} FROM contact_persons WHERE id = ${contactId} AND municipality_id = ${municipalityId} FOR UPDATE`,
    );
    if (!current) throw new NotFoundError("contact", contactId);
    if (current.version !== expectedVersion) throw new StaleVersionError(current.version);
    const before = toContact(current);
    const { municipalityId: _m, version: _v, ...person } = before;
    const merged: Record<string, unknown> = { ...person };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = value;
    }
    const parsed = ContactPerson.safeParse(merged);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const next = parsed.data;
    const [row] = await rows<ContactRow>(
      tx,
      sql`UPDATE contact_persons SET name = ${next.name}, role = ${next.role ?? null}, email = ${next.email ?? null},
            phone = ${next.phone ?? null}, languages = ${sql.param(next.languages)}::text[], version = ${current.version + 1},
            updated_at = ${ctx.now.toISOString()}::timestamptz
          WHERE id = ${contactId} RETURNING ${CONTACT_COLUMNS}`,
    );
    const after = toContact(row as ContactRow);
    await writeAudit({
      tx,
      ctx,
      entityType: "contact",
      entityId: contactId,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
