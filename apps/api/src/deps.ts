import type { Db } from "./db/db";
import type { Logger } from "./logger";
import type { ReferenceAssets } from "./routes/reference";
import type { Actor } from "./services/auth/actor";

/** What the app needs from its runtime; each entry (node, edge, tests) builds its own. */
export interface Deps {
  db: Db;
  /** The current time; injected so tests and services never read the clock themselves. */
  clock: () => Date;
  logger: Logger;
  /** Reported by /health. */
  version?: string;
  /** The largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Reference assets (oblast shapes) the runtime can read; absent on runtimes without files. */
  referenceAssets?: ReferenceAssets;
}

/** Hono's environment type: handlers reach their dependencies through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Db;
    clock: () => Date;
    logger: Logger;
    requestId: string;
    /** The signed-in caller, or null when anonymous (set by middleware/auth.ts). */
    actor: Actor | null;
  };
}
