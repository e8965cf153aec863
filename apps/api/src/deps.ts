import type { Context } from "hono";
import type { Db } from "./db/db";
import type { Network } from "./lib/public-origin";
import type { TrustProxy } from "./lib/trust-proxy";
import type { Logger } from "./logger";
import type { Limits } from "./middleware/rate-limit";
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
  /** POBRATYM_TRUST_PROXY, parsed: whose X-Forwarded-* headers are believed (default: nobody's). */
  trustProxy?: TrustProxy;
  /** POBRATYM_PUBLIC_URL: the origin browsers use; when set, no forwarded header decides it. */
  publicUrl?: string;
  /**
   * The connection's peer address, from the runtime (`getConnInfo` on Node, cf-connecting-ip on
   * Workers). Without it every client without a trusted proxy shares one rate-limit bucket.
   */
  peerAddress?: (c: Context<AppEnv>) => string | undefined;
  /** Sign-in and questionnaire limiters; default: fresh in-memory counters for this app. */
  limits?: Limits;
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
    /** Proxy trust, public origin and peer address; read through lib/public-origin.ts. */
    network: Network;
    limits: Limits;
  };
}
