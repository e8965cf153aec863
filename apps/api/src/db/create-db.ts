import type { Db } from "./db";
import type { Migration } from "./migrate";

export { type Db, type Executor, type Orm, rows } from "./db";

export interface CreateDbOptions {
  /** PGlite directory when no URL is given; `memory://` keeps it in memory. */
  dataDir?: string;
  /** The migrations to apply; default: the SQL files read from disk. */
  migrations?: readonly Migration[];
  /** Skip migrating (tests of the migration runner itself). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  max?: number;
  /** Told when the PostgreSQL server ends a pooled connection, idle or in use (the pool reconnects). */
  onConnectionError?: (error: Error) => void;
}

/**
 * Opens the database: PostgreSQL through a `pg` Pool when `url` is set, otherwise embedded PGlite
 * stored in `opts.dataDir` (so data survives a restart). Migrations are applied before it returns.
 */
export async function createDb(url: string | undefined, opts: CreateDbOptions = {}): Promise<Db> {
  const migrations = opts.migrations ?? (await import("./migrations-fs")).loadMigrations();
  const db = url
    ? (await import("./postgres")).createPostgresDb(url, { ...opts, migrations })
    : await (await import("./pglite")).createPgliteDb(opts.dataDir ?? ".pobratym-data", migrations);
  if (opts.migrate !== false) {
    try {
      await db.migrate();
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
