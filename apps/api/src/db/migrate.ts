/** One SQL migration file: `0001_init.sql` and its text. */
export interface Migration {
  name: string;
  sql: string;
}

/** The little a migration needs from a connection: one session, so the advisory lock holds. */
export interface MigrationSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (simple query protocol). */
  exec(text: string): Promise<void>;
}

// Any constant works as long as every Pobratym process uses the same one.
const LOCK_KEY = 7_265_021_114;

/** FNV-1a over UTF-16 code units: no Node crypto, so it runs on the edge too. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Raised when a migration that was already applied has since been edited. */
export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied; add a new migration instead`);
    this.name = "MigrationChecksumError";
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records them in
 * `schema_migrations`. A session-level advisory lock serialises concurrent starters: the second
 * process waits, then finds nothing left to do.
 */
export async function migrate(
  session: MigrationSession,
  migrations: readonly Migration[],
): Promise<string[]> {
  const sorted = [...migrations].sort((a, b) => a.name.localeCompare(b.name));
  await session.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Map(
      (
        await session.query<{ name: string; checksum: string }>(
          "SELECT name, checksum FROM schema_migrations",
        )
      ).map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of sorted) {
      const sum = checksum(m.sql);
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== sum) throw new MigrationChecksumError(m.name);
        continue;
      }
      await session.exec("BEGIN");
      try {
        await session.exec(m.sql);
        await session.query("INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", [
          m.name,
          sum,
        ]);
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw error;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
}
