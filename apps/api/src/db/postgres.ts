import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db, Orm } from "./db";
import { type Migration, migrate } from "./migrate";

/** A PostgreSQL server through a `pg` Pool. No Node-only APIs beyond what `pg` itself needs. */
export function createPostgresDb(
  url: string,
  opts: {
    migrations: readonly Migration[];
    max?: number;
    onConnectionError?: (error: Error) => void;
  },
): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    // A request waits at most this long for a connection, then answers 503, never hangs.
    connectionTimeoutMillis: 10_000,
  });
  // The server can end any connection (restart, failover, idle_in_transaction_session_timeout,
  // an administrator's pg_terminate_backend). The client then emits 'error', and an EventEmitter
  // 'error' nobody listens to throws and takes the process down. The pool listens only while a
  // client is idle (and re-emits on itself); a checked-out client, say one idle inside a
  // transaction, has no listener. So every client gets one for its whole life, from the moment
  // the pool creates it. The query in flight fails (a 503) and so does the rollback.
  //
  // A dead checked-out client is also handed back to the pool at once, with its error, so the
  // pool drops it: its holder may never release it. drizzle's transaction() sends BEGIN outside
  // its try/finally, so a connection cut between connect() and BEGIN leaks the client; ten such
  // cuts used up the pool and every later request waited forever. The holder's own release, if it
  // comes, becomes a no-op (pg throws on a second release).
  const checkedOut = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      opts.onConnectionError?.(error);
      if (!checkedOut.has(client)) return;
      const release = client.release;
      client.release = () => {};
      release(error);
    });
  });
  // The pool's re-emission of an idle client's error; the client's own listener reported it.
  pool.on("error", () => {});
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
