import { sql } from "drizzle-orm";
import { type Orm, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { writeAudit } from "../catalogue/write-audit";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** Removes a contact person from a municipality, audited. */
export async function deleteContact({
  db,
  municipalityId,
  contactId,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  municipalityId: string;
  contactId: string;
  actor: { id: string | null; label: string };
  now: string;
  requestId: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await rows<ContactRow>(
      tx,
      sql`DELETE FROM contact_persons WHERE id = ${contactId} AND municipality_id = ${municipalityId} RETURNING ${CONTACT_COLUMNS}`,
    );
    if (!row) throw new NotFoundError("contact", contactId);
    await writeAudit({
      tx,
      at: now,
      actor,
      entityType: "contact",
      entityId: contactId,
      action: "delete",
      before: toContact(row),
      requestId,
    });
  });
}
