import { type CreateDbOptions, createDb, type Db } from "./db/create-db";
import type { Env } from "./env";
import type { Logger } from "./logger";
import { bootstrapCoordinatorFromEnv } from "./services/auth/bootstrap-coordinator";
import { importReferenceFolder } from "./services/catalogue/import-reference";
import {
  loadReportedPartnerships,
  removeDemo,
} from "./services/catalogue/load-reported-partnerships";
import { ImportRefusedError } from "./services/catalogue/safe-import";
import { seedDemo } from "./services/catalogue/seed-demo";
import { systemContext } from "./services/context";

/**
 * Opens the database for a Node process and fills the catalogue, the demo or the real one, never
 * both:
 * - demo (POBRATYM_DEMO=1, or no POBRATYM_REFERENCE_DIR): the demo dataset, seeded into an empty
 *   catalogue only;
 * - real: any demo rows taken out first, then the reference folder imported (idempotent, and
 *   skipped when the files and the importer are those of the last applied import), then the
 *   partnerships named in public reporting. A refused import is logged and the server starts on
 *   the data it had.
 */
export async function openDatabase(
  env: Pick<
    Env,
    | "DATABASE_URL"
    | "POBRATYM_DATA_DIR"
    | "POBRATYM_REFERENCE_DIR"
    | "POBRATYM_IMPORT_MAX_CHANGE"
    | "POBRATYM_DEMO"
    | "POBRATYM_COORDINATOR_EMAIL"
    | "POBRATYM_COORDINATOR_PASSWORD"
    | "POBRATYM_COORDINATOR_NAME"
  >,
  logger: Logger,
  clock: () => Date,
  opts: CreateDbOptions = {},
): Promise<Db> {
  const db = await createDb(env.DATABASE_URL, {
    dataDir: env.POBRATYM_DATA_DIR,
    onConnectionError: (error) =>
      logger.warn("the database server closed a connection; the pool reconnects", { error }),
    ...opts,
  });
  try {
    const demo = env.POBRATYM_DEMO === "1" || !env.POBRATYM_REFERENCE_DIR;
    if (demo) {
      if (await seedDemo({ ctx: systemContext({ db, now: clock() }) }))
        logger.info("seeded the demo dataset");
    } else {
      const cleaned = await removeDemo({ ctx: systemContext({ db, now: clock() }) });
      if (cleaned > 0) logger.info("took the demo dataset out of the real catalogue", { cleaned });
    }
    await bootstrapCoordinatorFromEnv({ ctx: systemContext({ db, now: clock() }), env, logger });
    if (!demo) {
      await importAtStartUp(db, env, logger, clock);
      await loadReportedPartnerships({ ctx: systemContext({ db, now: clock() }) });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function importAtStartUp(
  db: Db,
  env: Pick<Env, "POBRATYM_REFERENCE_DIR" | "POBRATYM_IMPORT_MAX_CHANGE">,
  logger: Logger,
  clock: () => Date,
): Promise<void> {
  const dir = env.POBRATYM_REFERENCE_DIR ?? "";
  try {
    const summary = await importReferenceFolder({
      ctx: systemContext({ db, now: clock() }),
      dir,
      skipUnchanged: true,
      maxChange: env.POBRATYM_IMPORT_MAX_CHANGE,
    });
    if (summary.status === "unchanged") {
      logger.info("reference data unchanged since the last import; skipped", { dir });
      return;
    }
    logger.info("imported reference data", {
      dir,
      municipalities: summary.municipalities,
      ties: summary.ties,
      situationChanges: summary.situationChanges.length,
      errors: summary.errors.length,
      warnings: summary.warnings.length,
    });
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    // The import changed nothing: serve the catalogue as it was, and say why loudly.
    logger.error("reference import refused; starting on the data already in the database", {
      dir,
      reason: error.message,
      errors: error.report.errors.slice(0, 20),
      situationChanges: error.report.situationChanges.length,
    });
  }
}
