import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type ImportSummary, importReferenceFiles } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { writeAudit } from "../audit/write-audit";
import { type ServiceContext, withTransaction } from "../context";
import { upsertMunicipalities } from "./upsert-municipalities";
import { insertTies } from "./upsert-ties";

/** Reads the reference CSV files of a folder (names as in /work/shared/data) into memory. */
export async function readReferenceFolder(dir: string): Promise<Record<string, Uint8Array>> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  const files: Record<string, Uint8Array> = {};
  for (const name of names) files[name] = new Uint8Array(await readFile(join(dir, name)));
  return files;
}

/**
 * Loads reference files into the catalogue in one transaction, keyed by (country, official code):
 * importing the same files again updates rows and never duplicates them. Rows core rejects are
 * reported, not loaded. Returns what changed.
 */
export async function importReference({
  ctx,
  files,
}: {
  ctx: ServiceContext;
  files: Record<string, string | Uint8Array>;
}): Promise<ImportSummary> {
  const now = ctx.now.toISOString();
  const parsed = importReferenceFiles(files);
  const summary = await withTransaction(ctx, async (tx) => {
    const municipalities = await upsertMunicipalities({
      tx,
      municipalities: parsed.municipalities,
      source: "reference",
      now,
    });
    const ties = await insertTies({ tx, ties: parsed.ties, now });
    await writeAudit({
      tx,
      ctx,
      as: "reference import",
      entityType: "catalogue",
      entityId: "reference",
      action: "import",
      after: { municipalities, ties, errors: parsed.errors.length, files: Object.keys(files) },
    });
    return { municipalities, ties, errors: parsed.errors, warnings: parsed.warnings };
  });
  // Fresh statistics after a bulk load, so the planner uses the search index: PGlite runs no
  // autovacuum, and without them it guesses a seq scan is cheaper.
  await ctx.db.orm.execute(sql`ANALYZE municipalities, ties`);
  return summary;
}

/** Imports the reference folder `dir`; see importReference. */
export async function importReferenceFolder({
  ctx,
  dir,
}: {
  ctx: ServiceContext;
  dir: string;
}): Promise<ImportSummary> {
  return importReference({ ctx, files: await readReferenceFolder(dir) });
}
