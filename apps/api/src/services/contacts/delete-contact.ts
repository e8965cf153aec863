import { sql } from "drizzle-orm";
import { type Orm, rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { StaleVersionError } from "../../lib/if-match";
import { writeAudit } from "../catalogue/write-audit";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** Removes a contact person from a municipality at `expectedVersion` (412 otherwise), audited. */
export async function deleteContact({
  db,
  municipalityId,
  contactId,
  expectedVersion,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  municipalityId: string;
  contactId: string;
  expectedVersion: number;
  actor: { id: string | null; label: string };
  now: string;
  requestId: string | null;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await rows<ContactRow>(
      tx,
      sql`SELECT ${CONTACT_COLUMNS} FROM contact_persons WHERE id = ${contactId} AND municipality_id = ${municipalityId} FOR UPDATE`,
    );
    if (!row) throw new NotFoundError("contact", contactId);
    if (row.version !== expectedVersion) throw new StaleVersionError(row.version);
    await tx.execute(sql`DELETE FROM contact_persons WHERE id = ${contactId}`);
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
