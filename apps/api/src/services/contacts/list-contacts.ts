import type { Contact } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { requireActor, type ServiceContext } from "../context";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** The contact persons of a municipality (personal data: callers must be signed in). */
export async function listContacts({
  ctx,
  municipalityId,
}: {
  ctx: ServiceContext;
  municipalityId: string;
}): Promise<Contact[]> {
  requireActor(ctx, "coordinator", "editor");
  const db = ctx.db.orm;
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
