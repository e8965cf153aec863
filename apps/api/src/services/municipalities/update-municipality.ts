import { recordHandEdits, type UpdateMunicipalityInput } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ForbiddenError, NotFoundError } from "../../errors";
import { StaleVersionError } from "../../lib/if-match";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, withTransaction } from "../context";
import {
  MUNICIPALITY_COLUMNS,
  municipalityColumnValues,
  parseMunicipality,
  type StoredMunicipality,
} from "./create-municipality";

/**
 * Applies a partial update to a municipality if it is still at `expectedVersion`: the row is locked,
 * the merged profile validated again, the row and its audit entry written in one transaction, and
 * the version incremented. Only coordinators may change `status` (publish or unpublish).
 */
export async function updateMunicipality({
  ctx,
  id,
  patch,
  expectedVersion,
}: {
  ctx: ServiceContext;
  id: string;
  patch: UpdateMunicipalityInput;
  expectedVersion: number;
}): Promise<{ municipality: StoredMunicipality; version: number }> {
  const actor = assertCanEditMunicipality(ctx.actor, id);
  if (patch.status !== undefined && actor.role !== "coordinator") {
    throw new ForbiddenError("Only a coordinator may publish or unpublish a profile.");
  }
  return withTransaction(ctx, async (tx) => {
    const [current] = await rows<{ data: StoredMunicipality; version: number }>(
      tx,
      sql`SELECT data, version FROM municipalities WHERE id = ${id} FOR UPDATE`,
    );
    if (!current) throw new NotFoundError("municipality", id);
    if (current.version !== expectedVersion) throw new StaleVersionError(current.version);
    const merged: Record<string, unknown> = { ...current.data };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = value;
    }
    // What people enter (displaced people, a situation correction, capacity, the political
    // decision) is kept apart as hand edits with who and when, so a re-import never erases it.
    // The public profile names the role; the audit entry below names the person.
    const next = parseMunicipality(
      recordHandEdits(
        { ...current.data, contacts: [] },
        { ...parseMunicipality(merged), contacts: [] },
        {
          by: actor.role === "coordinator" ? "coordinator" : "municipality editor",
          at: ctx.now.toISOString(),
        },
      ),
    );
    const version = current.version + 1;
    await tx.execute(sql`UPDATE municipalities SET (${MUNICIPALITY_COLUMNS}) = (${municipalityColumnValues(next)}),
        version = ${version}, updated_at = ${ctx.now.toISOString()}::timestamptz
      WHERE id = ${id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "municipality",
      entityId: id,
      action: "update",
      before: current.data,
      after: next,
    });
    return { municipality: next, version };
  });
}
