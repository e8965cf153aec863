// Usage: pnpm --filter @pobratym/api run import [DIR]   (a relative DIR is taken from where pnpm was run;
// without one, POBRATYM_REFERENCE_DIR or the catalogue shipped in @pobratym/reference-data)
// Imports a folder of reference CSV files into the configured database (DATABASE_URL or PGlite).
import { resolve } from "node:path";
import { createDb } from "../db/create-db";
import { env } from "../env";
import { referenceDirFor } from "../reference-dir";
import { importReferenceFolder } from "../services/catalogue/import-reference";

async function main(): Promise<number> {
  const dirArg = process.argv[2] ?? referenceDirFor(env().POBRATYM_REFERENCE_DIR);
  if (!dirArg) {
    console.error("usage: pnpm --filter @pobratym/api run import DIR");
    return 2;
  }
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), dirArg);
  const config = env();
  const db = await createDb(config.DATABASE_URL, { dataDir: config.POBRATYM_DATA_DIR });
  try {
    const started = performance.now();
    const s = await importReferenceFolder({ db, dir, now: new Date().toISOString() });
    const ms = Math.round(performance.now() - started);
    console.log(`Imported ${dir} into ${db.kind} in ${ms} ms`);
    console.log(
      `  municipalities: ${s.municipalities.inserted} new, ${s.municipalities.updated} updated, ${s.municipalities.unchanged} unchanged`,
    );
    console.log(
      `  ties: ${s.ties.inserted} new, ${s.ties.unchanged} already recorded, ${s.ties.skipped} skipped`,
    );
    console.log(`  warnings: ${s.warnings.length}, row errors: ${s.errors.length}`);
    for (const e of s.errors.slice(0, 20))
      console.log(`  ! ${e.file}:${e.row}${e.field ? ` ${e.field}` : ""}: ${e.message}`);
    if (s.errors.length > 20) console.log(`  … and ${s.errors.length - 20} more errors`);
    // Rejected rows are reported, not fatal: the rest of the folder is loaded.
    return 0;
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
