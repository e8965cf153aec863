import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";

/** The coordinators' matching settings. */
export interface MatchingSettings {
  /** Whether unverified (under-review) ties to Russian or Belarusian towns exclude, or only flag. */
  excludeFlaggedTies: boolean;
}

/** Reads the coordinators' matching settings (the migration stores the defaults). */
export async function getMatchingSettings({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<MatchingSettings> {
  const [row] = await rows<{ exclude_flagged_ties: boolean }>(
    ctx.db.orm,
    sql`SELECT exclude_flagged_ties FROM matching_settings WHERE id = 1`,
  );
  return { excludeFlaggedTies: row?.exclude_flagged_ties ?? false };
}

/** Changes the coordinators' matching settings, audited. */
export async function updateMatchingSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: MatchingSettings;
}): Promise<MatchingSettings> {
  const actor = requireActor(ctx, "coordinator");
  const before = await getMatchingSettings({ ctx });
  await withTransaction(ctx, async (tx) => {
    await tx.execute(sql`INSERT INTO matching_settings (id, exclude_flagged_ties, updated_at, updated_by)
      VALUES (1, ${input.excludeFlaggedTies}, ${ctx.now.toISOString()}::timestamptz, ${actor.userId})
      ON CONFLICT (id) DO UPDATE SET exclude_flagged_ties = EXCLUDED.exclude_flagged_ties,
        updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`);
    await writeAudit({
      tx,
      ctx,
      entityType: "matching-settings",
      entityId: "1",
      action: "update",
      before,
      after: input,
    });
  });
  return input;
}
