import type { Contact, ContactInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError, NotFoundError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, type Tx, withTransaction } from "../context";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** The most contact persons one municipality keeps (as core's Municipality allows). */
export const MAX_CONTACTS = 20;

/** Adds a contact person to a municipality inside the caller's transaction, audited. */
export async function insertContact({
  tx,
  ctx,
  municipalityId,
  input,
}: {
  tx: Tx;
  ctx: ServiceContext;
  municipalityId: string;
  input: ContactInput;
}): Promise<Contact> {
  const at = ctx.now.toISOString();
  const [m] = await rows<{ n: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM contact_persons WHERE municipality_id = m.id) AS n
        FROM municipalities m WHERE m.id = ${municipalityId} FOR SHARE`,
  );
  if (!m) throw new NotFoundError("municipality", municipalityId);
  if (m.n >= MAX_CONTACTS)
    throw new ConflictError(`A municipality can have at most ${MAX_CONTACTS} contact persons.`);
  const id = `contact-${crypto.randomUUID()}`;
  const [row] = await rows<ContactRow>(
    tx,
    sql`INSERT INTO contact_persons (id, municipality_id, name, role, email, phone, languages, created_at, updated_at)
        VALUES (${id}, ${municipalityId}, ${input.name}, ${input.role ?? null}, ${input.email ?? null},
          ${input.phone ?? null}, ${sql.param(input.languages)}::text[], ${at}::timestamptz, ${at}::timestamptz)
        RETURNING ${CONTACT_COLUMNS}`,
  );
  const contact = toContact(row as ContactRow);
  await writeAudit({
    tx,
    ctx,
    entityType: "contact",
    entityId: id,
    action: "create",
    after: contact,
  });
  return contact;
}

/** Adds a contact person to a municipality in its own transaction, audited. */
export async function createContact({
  ctx,
  municipalityId,
  input,
}: {
  ctx: ServiceContext;
  municipalityId: string;
  input: ContactInput;
}): Promise<Contact> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  return withTransaction(ctx, (tx) => insertContact({ tx, ctx, municipalityId, input }));
}
