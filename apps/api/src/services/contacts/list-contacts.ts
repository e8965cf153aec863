import type { Contact } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** The contact persons of a municipality (personal data: callers must be signed in). */
export async function listContacts({
  db,
  municipalityId,
}: {
  db: Executor;
  municipalityId: string;
}): Promise<Contact[]> {
  const [m] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM municipalities WHERE id = ${municipalityId}`,
  );
  if (!m) throw new NotFoundError("municipality", municipalityId);
  const found = await rows<ContactRow>(
    db,
    sql`SELECT ${CONTACT_COLUMNS} FROM contact_persons WHERE municipality_id = ${municipalityId} ORDER BY created_at, id`,
  );
  return found.map(toContact);
}
