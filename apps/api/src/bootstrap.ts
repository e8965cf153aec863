import { type CreateDbOptions, createDb, type Db } from "./db/create-db";
import type { Env } from "./env";
import type { Logger } from "./logger";
import { bootstrapCoordinatorFromEnv } from "./services/auth/bootstrap-coordinator";
import { importReferenceFolder } from "./services/catalogue/import-reference";
import { seedDemo } from "./services/catalogue/seed-demo";
import { systemContext } from "./services/context";

/**
 * Opens the database for a Node process and fills the catalogue: the demo dataset on an empty
 * database, then the reference folder when POBRATYM_REFERENCE_DIR is set (idempotent).
 * Order matters: the demo is only seeded into an empty catalogue, so it runs first.
 */
export async function openDatabase(
  env: Pick<
    Env,
    | "DATABASE_URL"
    | "POBRATYM_DATA_DIR"
    | "POBRATYM_REFERENCE_DIR"
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
    if (await seedDemo({ ctx: systemContext({ db, now: clock() }) }))
      logger.info("seeded the demo dataset");
    await bootstrapCoordinatorFromEnv({ ctx: systemContext({ db, now: clock() }), env, logger });
    if (env.POBRATYM_REFERENCE_DIR) {
      const summary = await importReferenceFolder({
        ctx: systemContext({ db, now: clock() }),
        dir: env.POBRATYM_REFERENCE_DIR,
      });
      logger.info("imported reference data", {
        dir: env.POBRATYM_REFERENCE_DIR,
        municipalities: summary.municipalities,
        ties: summary.ties,
        errors: summary.errors.length,
        warnings: summary.warnings.length,
      });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
