import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import { StaleVersionError } from "../../lib/if-match";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, withTransaction } from "../context";
import { CONTACT_COLUMNS, type ContactRow, toContact } from "./contact-row";

/** Removes a contact person from a municipality at `expectedVersion` (412 otherwise), audited. */
export async function deleteContact({
  ctx,
  municipalityId,
  contactId,
  expectedVersion,
}: {
  ctx: ServiceContext;
  municipalityId: string;
  contactId: string;
  expectedVersion: number;
}): Promise<void> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  await withTransaction(ctx, async (tx) => {
    const [row] = await rows<ContactRow>(
      tx,
      sql`SELECT ${CONTACT_COLUMNS} FROM contact_persons WHERE id = ${contactId} AND municipality_id = ${municipalityId} FOR UPDATE`,
    );
    if (!row) throw new NotFoundError("contact", contactId);
    if (row.version !== expectedVersion) throw new StaleVersionError(row.version);
    await tx.execute(sql`DELETE FROM contact_persons WHERE id = ${contactId}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "contact",
      entityId: contactId,
      action: "delete",
      before: toContact(row),
    });
  });
}
