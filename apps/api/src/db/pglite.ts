import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import type { Db, Orm } from "./db";
import { type Migration, migrate } from "./migrate";

/** Embedded PostgreSQL (WASM) in a directory; one process owns the directory at a time. */
export async function createPgliteDb(
  dataDir: string,
  migrations: readonly Migration[],
): Promise<Db> {
  const onDisk = !dataDir.includes("://");
  if (onDisk) mkdirSync(dataDir, { recursive: true });
  const release = onDisk ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    // pg_trgm backs the catalogue search index (migration 0002).
    client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const orm = drizzle({ client }) as unknown as Orm;
  // PGlite is one session, so the advisory lock is re-entrant within it; this queue keeps two
  // migrate() calls on the same handle from interleaving their transactions.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: "pglite",
    orm,
    migrate() {
      const run = queue.then(() =>
        migrate(
          {
            query: async <T>(text: string, params?: unknown[]) =>
              (await client.query<T>(text, params)).rows,
            exec: async (text: string) => {
              await client.exec(text);
            },
          },
          migrations,
        ),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (!client.closed) await client.close();
      release();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no multi-process locking: two processes writing one folder corrupt it. A pid file
 * turns that into a clear error (a stale file from a crashed process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, "pobratym.pid");
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(readFileSync(file, "utf8"));
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `the PGlite folder ${dataDir} is in use by process ${holder}; stop it, or set DATABASE_URL to share a PostgreSQL server`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
