import { type CreateTieInput, Tie, type TieSummary } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError, NotFoundError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, withTransaction } from "../context";
import { TIE_COLUMNS, type TieRow, toTieSummary } from "./read-ties";

/**
 * Records a municipality's tie with a foreign town, with an audit entry, in one transaction.
 * 404 when the municipality does not exist; 409 when it already has a tie with that town.
 */
export async function createTie({
  ctx,
  municipalityId,
  input,
}: {
  ctx: ServiceContext;
  municipalityId: string;
  input: CreateTieInput;
}): Promise<TieSummary> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  const at = ctx.now.toISOString();
  const tie = Tie.parse({ ...input, id: `tie-${crypto.randomUUID()}`, municipalityId });
  return withTransaction(ctx, async (tx) => {
    const [m] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM municipalities WHERE id = ${municipalityId} FOR UPDATE`,
    );
    if (!m) throw new NotFoundError("municipality", municipalityId);
    const inserted = await rows<{ id: string }>(
      tx,
      sql`INSERT INTO ties (id, municipality_id, foreign_town, foreign_country, type, status, data, version, created_at, updated_at)
        VALUES (${tie.id}, ${municipalityId}, ${tie.foreignTown}, ${tie.foreignCountry}, ${tie.type}, ${tie.status},
          ${JSON.stringify(tie)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz)
        ON CONFLICT (municipality_id, foreign_country, foreign_town) DO NOTHING
        RETURNING id`,
    );
    if (inserted.length === 0) {
      throw new ConflictError(
        `This municipality already has a tie with ${tie.foreignTown} (${tie.foreignCountry}).`,
      );
    }
    await writeAudit({
      tx,
      ctx,
      entityType: "tie",
      entityId: tie.id,
      action: "create",
      after: tie,
    });
    const [row] = await rows<TieRow>(
      tx,
      sql`SELECT ${TIE_COLUMNS} FROM ties t JOIN municipalities m ON m.id = t.municipality_id WHERE t.id = ${tie.id}`,
    );
    if (!row) throw new Error("the tie just written is missing");
    return toTieSummary(row);
  });
}
