import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { referenceDataUrl } from "@pobratym/reference-data";
import { createStubServer } from "./stub-server";

export const DASHBOARD_DIR = resolve(import.meta.dirname, "..");
export const DIST_DIR = join(DASHBOARD_DIR, "dist");
export const API_ENTRY = resolve(DASHBOARD_DIR, "../api/dist/node.js");

/** Debian's Chromium, which the browser tests drive (`apt-get install chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Browser tests are skipped only when asked (POBRATYM_E2E_NO_BROWSER=1): a missing Chromium is a
 * failure with a message saying what to install, never a silent pass.
 */
export const SKIP_BROWSER = process.env.POBRATYM_E2E_NO_BROWSER === "1";

/** Forced with POBRATYM_E2E_STUB=1: the stand-in server instead of the built API. */
export const STUBBED = process.env.POBRATYM_E2E_STUB === "1";

/** Throws a clear error when Chromium is not installed. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium (or set POBRATYM_E2E_NO_BROWSER=1 to skip the browser tests)`,
    );
  }
  return CHROMIUM;
}
/** The real reference catalogue (~2,100 municipalities), shipped in @pobratym/reference-data. */
export const REFERENCE_DIR = fileURLToPath(referenceDataUrl);
export const hasReferenceData = existsSync(join(REFERENCE_DIR, "ua-hromadas.csv"));

/** A running server the browser can open. */
export interface RunningServer {
  url: string;
  /**
   * "api": the built API serves everything; "api+static": it sits behind a static server;
   * "external": an already running server (POBRATYM_E2E_URL); "stub": no API build.
   */
  mode: "api" | "api+static" | "external" | "stub";
  stop: () => Promise<void>;
}

async function listen(server: Server): Promise<string> {
  return new Promise((ok) => {
    server.listen(0, "127.0.0.1", () =>
      ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

/** The URL the API prints once it listens ("Pobratym is running at http://localhost:PORT"). */
async function announcedUrl(
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const port = /running at http:\/\/[^:\s]+:(\d+)/.exec(log())?.[1];
    if (port) return `http://127.0.0.1:${port}`;
    if (child.exitCode !== null)
      throw new Error(`the API exited with ${child.exitCode}:\n${log().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `the API did not announce its port within ${timeoutMs} ms:\n${log().slice(-4000)}`,
  );
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts what the browser talks to. Requires the built dashboard (dist/). Prefers the built API
 * (apps/api/dist/node.js) with a fresh data dir: the real catalogue from @pobratym/reference-data,
 * or with `demo` the demo dataset (POBRATYM_DEMO=1), whose needs, offers and partnerships the
 * workflow pages use. The two never mix. Falls back to the stand-in.
 */
export async function startServer({
  demo = false,
}: {
  demo?: boolean;
} = {}): Promise<RunningServer> {
  if (!existsSync(join(DIST_DIR, "index.html"))) {
    throw new Error(
      `the dashboard is not built: run \`pnpm --filter @pobratym/dashboard build\` first (${DIST_DIR})`,
    );
  }
  const external = process.env.POBRATYM_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ""), mode: "external", stop: async () => {} };
  if (!STUBBED && !existsSync(API_ENTRY)) {
    throw new Error(
      `the API is not built (${API_ENTRY}): run \`pnpm --filter @pobratym/api build\`, or set POBRATYM_E2E_STUB=1 for the stand-in server`,
    );
  }
  if (STUBBED) {
    const stub = createStubServer(DIST_DIR);
    const url = await listen(stub);
    return { url, mode: "stub", stop: () => new Promise((ok) => stub.close(() => ok())) };
  }

  const dataDir = await mkdtemp(join(tmpdir(), "pobratym-e2e-"));
  let output = "";
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: resolve(API_ENTRY, "../.."),
    env: {
      // The browser tests run the API on its own fresh PGlite. An inherited DATABASE_URL (CI sets
      // one for the API suite) would point it at a shared server whose data outlives the run.
      ...withoutDatabaseUrl(process.env),
      // The API picks a free port itself and prints it. Choosing one here and passing it on raced
      // with other servers on the machine: one that took the port first answered our health
      // check, and the tests ran against its data.
      PORT: "0",
      POBRATYM_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      // The real catalogue: ~2,100 municipalities (paging, the map). The demo: 16, with activity.
      ...(demo
        ? { POBRATYM_DEMO: "1", POBRATYM_REFERENCE_DIR: "" }
        : { POBRATYM_DEMO: "", POBRATYM_REFERENCE_DIR: REFERENCE_DIR }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const stopApi = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((ok) => child.once("exit", ok));
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await announcedUrl(child, () => output, 120_000);
    await waitForHealth(url, child, () => output.slice(-4000), 30_000);
  } catch (error) {
    await stopApi();
    throw error;
  }

  // The API serves dist/ itself in production; if this build does not yet, put a static server in front.
  const index = await fetch(`${url}/`).then(
    (r) => (r.ok ? r.text() : ""),
    () => "",
  );
  if (index.includes('id="root"')) return { url, mode: "api", stop: stopApi };
  const front = createStubServer(DIST_DIR, url);
  const frontUrl = await listen(front);
  return {
    url: frontUrl,
    mode: "api+static",
    stop: async () => {
      await new Promise<void>((ok) => front.close(() => ok()));
      await stopApi();
    },
  };
}
