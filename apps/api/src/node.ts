// Node entry: `node dist/node.js` (built) or `tsx src/node.ts` (dev).
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { openDatabase } from "./bootstrap";
import { env } from "./env";
import { jsonLogger } from "./logger";
import { createLimits, MemoryCounterStore } from "./middleware/rate-limit";
import { nodePeerAddress } from "./node-peer";
import { serveDashboard } from "./node-static";
import { referenceDirFor } from "./reference-dir";

// src/node.ts and dist/node.js both sit one level below apps/api.
const here = dirname(fileURLToPath(import.meta.url));
const config = env();
const logger = jsonLogger(config.LOG_LEVEL);
const clock = () => new Date();
// The oblast shapes come from the reference folder in demo mode too; only the import is off.
const referenceDir = referenceDirFor(config.POBRATYM_REFERENCE_DIR);
const importDir = config.POBRATYM_DEMO === "1" ? undefined : referenceDir;
const db = await openDatabase({ ...config, POBRATYM_REFERENCE_DIR: importDir }, logger, clock);
const referenceAssets = {
  oblastShapes: async () =>
    referenceDir
      ? readFile(join(referenceDir, "ua-oblasts.topo.json"), "utf8").catch(() => null)
      : null,
};
const app = createApp({
  db,
  clock,
  logger,
  version: process.env.npm_package_version ?? "0.1.0",
  referenceAssets,
  trustProxy: config.POBRATYM_TRUST_PROXY,
  ...(config.POBRATYM_PUBLIC_URL ? { publicUrl: config.POBRATYM_PUBLIC_URL } : {}),
  peerAddress: nodePeerAddress,
  // One process: its memory is the whole picture.
  limits: createLimits(new MemoryCounterStore()),
});

const dashboardDir = resolve(here, "../../dashboard/dist");
const withDashboard = serveDashboard(app, dashboardDir);

const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
  logger.info("listening", {
    url: `http://localhost:${info.port}`,
    database: db.kind,
    dashboard: withDashboard,
  });
  console.log(`Pobratym is running at http://localhost:${info.port}`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info("shutting down", { signal });
  // Stop taking connections, let in-flight requests finish, then close the database.
  await new Promise<void>((done) => server.close(() => done()));
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
