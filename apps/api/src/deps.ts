import type { Db } from "./db/db";
import type { Logger } from "./logger";
import type { Actor } from "./services/auth/actor";
import type { ServiceContext } from "./services/context";

/** Static reference assets the runtime can provide (the node entry reads them from the reference folder). */
export interface ReferenceAssets {
  /** The oblast shapes as TopoJSON text, or null when the runtime has none. */
  oblastShapes(): Promise<string | null>;
}

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
    /** What every service is called with (set by middleware/service-context.ts). */
    ctx: ServiceContext;
  };
}
