import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db, Orm } from "./db";
import { type Migration, migrate } from "./migrate";

/** A PostgreSQL server through a `pg` Pool. No Node-only APIs beyond what `pg` itself needs. */
export function createPostgresDb(
  url: string,
  opts: { migrations: readonly Migration[]; max?: number; onIdleError?: (error: Error) => void },
): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle pooled connection can be ended by the server (restart, failover, an administrator's
  // pg_terminate_backend). pg re-emits that on the pool, and an EventEmitter 'error' nobody
  // listens to throws and takes the process down. The pool already drops the dead client and
  // opens a new one on the next query, so the error is only reported.
  pool.on("error", (error) => opts.onIdleError?.(error));
  const orm = drizzle({ client: pool }) as unknown as Orm;
  let closed = false;
  return {
    kind: "postgres",
    orm,
    async migrate() {
      // The advisory lock is held by a session, so the whole run uses one pooled client.
      const client = await pool.connect();
      try {
        return await migrate(
          {
            query: async <T>(text: string, params?: unknown[]) =>
              (await client.query(text, params)).rows as T[],
            exec: async (text: string) => {
              await client.query(text);
            },
          },
          opts.migrations,
        );
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
