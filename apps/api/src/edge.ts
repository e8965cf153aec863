// Edge entry (Cloudflare Workers and other fetch-style runtimes): `export default { fetch }`.
// PGlite needs a file system, so the edge always uses PostgreSQL from env.DATABASE_URL. `pg`
// runs on Workers with the `nodejs_compat` flag (it opens TCP through cloudflare:sockets); put
// Hyperdrive's connection string in DATABASE_URL for pooling close to the database.
import { createApp } from "./app";
import type { Db } from "./db/db";
import { EDGE_MIGRATIONS } from "./db/migrations-bundled";
import { createPostgresDb } from "./db/postgres";
import { jsonLogger } from "./logger";
import { createLimits, MemoryCounterStore } from "./middleware/rate-limit";

interface EdgeEnv {
  DATABASE_URL?: string;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

const logger = jsonLogger("info");
let ready: Promise<Db> | undefined;
// Per isolate: an attacker spread over many isolates gets more tries. Put the platform's rate
// limiter (or a shared CounterStore) in front for a hard limit.
const limits = createLimits(new MemoryCounterStore());

// One pool per isolate; migrations run once per isolate and are cheap when nothing is pending
// (the advisory lock makes concurrent isolates safe).
function database(url: string): Promise<Db> {
  ready ??= (async () => {
    const db = createPostgresDb(url, { migrations: EDGE_MIGRATIONS, max: 5 });
    await db.migrate();
    return db;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export default {
  async fetch(request: Request, env: EdgeEnv, _ctx: ExecutionContext): Promise<Response> {
    if (!env.DATABASE_URL) {
      return new Response(
        JSON.stringify({
          type: "urn:pobratym:problem:internal",
          title: "Not configured",
          status: 500,
          code: "internal",
          detail: "Set DATABASE_URL.",
        }),
        { status: 500, headers: { "content-type": "application/problem+json" } },
      );
    }
    const db = await database(env.DATABASE_URL);
    return createApp({
      db,
      clock: () => new Date(),
      logger,
      // Cloudflare sets cf-connecting-ip itself (a client cannot forge it through the edge).
      peerAddress: (c) => c.req.header("cf-connecting-ip"),
      limits,
    }).fetch(request);
  },
};
