// API benchmark: `pnpm --filter @pobratym/api bench`. Starts the app (temp PGlite with the full
// reference catalogue) in a child process on loopback, then loads, for a bounded time each, a plain
// Hono "ok" route, catalogue search, suggestions for one hromada (when the route exists) and the
// partnership list, and prints requests/s, p99 latency and the ratio to the plain route.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune a run; BENCH_ENGINE=postgres
// uses a temporary database made from DATABASE_URL instead of PGlite.
import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const here = dirname(fileURLToPath(import.meta.url));
const referenceDir =
  process.env.POBRATYM_REFERENCE_DIR ?? resolve(here, "../../../packages/reference-data/data");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 50;

interface Ready {
  appPort: number;
  plainPort: number;
  hromadaId: string | null;
  authorization: string;
  municipalities: number;
  ties: number;
  partnerships: number;
  importMs: number;
  engine: string;
  routes: string[];
}

interface Measured {
  name: string;
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Response counts by status code, so a misrouted benchmark is visible. */
  statuses: string;
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<Measured> {
  // A short warm-up, so JIT and the database's caches do not count against the first route.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 1 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  return {
    name,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .map(([code, stat]) => `${code}×${(stat as { count: number }).count}`)
      .join(" "),
  };
}

function startServer(): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(resolve(here, "serve.ts"), [referenceDir], {
    // The server imports the workspace core as source, through its custom condition.
    execArgv: ["--conditions=@pobratym/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((done, fail) => {
    child.once("message", (m) => done({ child, ready: m as Ready }));
    child.once("exit", (code) => fail(new Error(`the server exited early (${code})`)));
  });
}

if (!existsSync(resolve(referenceDir, "ua-hromadas.csv"))) {
  console.log(
    `Reference data not found in ${referenceDir}; set POBRATYM_REFERENCE_DIR. Skipping the benchmark.`,
  );
  process.exit(0);
}

console.log(`Loading the reference catalogue from ${referenceDir} …`);
const { child, ready } = await startServer();
try {
  console.log(
    `Loaded ${ready.municipalities} municipalities, ${ready.ties} ties and ${ready.partnerships} partnerships ` +
      `into ${ready.engine} in ${ready.importMs} ms. ${CONNECTIONS} connections, ${SECONDS} s a route, Node ${process.version}.\n`,
  );
  const base = `http://127.0.0.1:${ready.appPort}/api/v1`;
  const hasSuggestions = ready.routes.some(
    (r) => r === "GET /api/v1/municipalities/:id/suggestions",
  );
  const plain = await measure("plain Hono ok", `http://127.0.0.1:${ready.plainPort}/ok`);
  const results: (Measured | { name: string; missing: true })[] = [plain];
  results.push(await measure("search ?q=cherson", `${base}/municipalities?q=cherson`));
  if (hasSuggestions && ready.hromadaId) {
    results.push(
      await measure(
        "suggestions k=10",
        `${base}/municipalities/${ready.hromadaId}/suggestions?k=10`,
        { authorization: ready.authorization },
      ),
    );
  } else {
    results.push({ name: "suggestions k=10", missing: true });
  }
  results.push(await measure("partnership list", `${base}/partnerships?limit=50`));

  const rows = results.map((r) =>
    "missing" in r
      ? {
          route: r.name,
          "req/s": "n/a",
          "p99 ms": "n/a",
          "× plain": "n/a",
          errors: "n/a",
          statuses: "no route",
        }
      : {
          route: r.name,
          "req/s": Math.round(r.rps),
          "p99 ms": r.p99,
          "× plain": (r.rps / plain.rps).toFixed(3),
          errors: r.errors + r.non2xx,
          statuses: r.statuses,
        },
  );
  console.table(rows);
  for (const r of results) {
    if ("missing" in r || r === plain || r.name === "partnership list") continue;
    const ok = r.rps / plain.rps >= TARGET_RATIO && r.p99 < TARGET_P99_MS;
    console.log(
      `${ok ? "meets" : "MISSES"} target (≥ ${TARGET_RATIO * 100}% of plain, p99 < ${TARGET_P99_MS} ms): ${r.name}`,
    );
  }
} finally {
  child.kill("SIGTERM");
}
