// Usage: pnpm --filter @pobratym/api run import [--dry-run] [--force] [DIR]
// Imports a folder of reference CSV files into the configured database (DATABASE_URL or PGlite).
// A relative DIR is taken from where pnpm was run; without one, POBRATYM_REFERENCE_DIR or the
// catalogue shipped in @pobratym/reference-data. Exits 1 when the import is refused.
import { resolve } from "node:path";
import { createDb } from "../db/create-db";
import { env } from "../env";
import { referenceDirFor } from "../reference-dir";
import { importReferenceFolder } from "../services/catalogue/import-reference";
import { ImportRefusedError } from "../services/catalogue/safe-import";
import { systemContext } from "../services/context";

const USAGE = "usage: pnpm --filter @pobratym/api run import [--dry-run] [--force] [DIR]";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => f !== "--dry-run" && f !== "--force");
  const positional = args.filter((a) => !a.startsWith("--"));
  if (unknown.length > 0 || positional.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = env();
  const dirArg = positional[0] ?? referenceDirFor(config.POBRATYM_REFERENCE_DIR);
  if (!dirArg) {
    console.error(`POBRATYM_REFERENCE_DIR is off and no folder was given\n${USAGE}`);
    return 2;
  }
  const dryRun = flags.has("--dry-run");
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), dirArg);
  const db = await createDb(config.DATABASE_URL, { dataDir: config.POBRATYM_DATA_DIR });
  try {
    const started = performance.now();
    const s = await importReferenceFolder({
      ctx: systemContext({ db, now: new Date() }),
      dir,
      dryRun,
      skipUnchanged: !flags.has("--force"),
      maxChange: config.POBRATYM_IMPORT_MAX_CHANGE,
    });
    const ms = Math.round(performance.now() - started);
    if (s.status === "unchanged") {
      console.log(
        `${dir} is unchanged since the last import (same files, same importer): nothing to do. --force imports it anyway.`,
      );
      return 0;
    }
    console.log(
      dryRun
        ? `Dry run of ${dir} on ${db.kind} (${ms} ms): nothing was written. It would change:`
        : `Imported ${dir} into ${db.kind} in ${ms} ms`,
    );
    console.log(
      `  municipalities: ${s.municipalities.inserted} new, ${s.municipalities.updated} updated, ${s.municipalities.unchanged} unchanged`,
    );
    console.log(
      `  ties: ${s.ties.inserted} new, ${s.ties.unchanged} already recorded, ${s.ties.skipped} skipped`,
    );
    console.log(
      `  situations: ${s.situationChanges.length} of ${s.hromadasCompared} hromadas change`,
    );
    for (const c of s.situationChanges.slice(0, 20))
      console.log(`    ${c.name} (${c.id}): ${c.from} → ${c.to}`);
    if (s.situationChanges.length > 20)
      console.log(`    … and ${s.situationChanges.length - 20} more`);
    console.log(`  warnings: ${s.warnings.length}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    console.error(error.message);
    for (const e of error.report.errors.slice(0, 20))
      console.error(`  ! ${e.file}:${e.row}${e.field ? ` ${e.field}` : ""}: ${e.message}`);
    if (error.report.errors.length > 20)
      console.error(`  … and ${error.report.errors.length - 20} more problems`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
