// The benchmark's server process: a temp PGlite (or PostgreSQL) database loaded with the full reference catalogue and some
// partnerships, the Pobratym app, and a plain Hono "ok" app, both on loopback. It reports the ports
// to its parent over IPC and runs until killed. Kept apart from the load generator, so autocannon
// and the server do not share one event loop.
import { serve } from "@hono/node-server";
import type { Partnership, Stage } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { createApp } from "../src/app";
import { rows } from "../src/db/create-db";
import { silentLogger } from "../src/logger";
import { importReferenceFolder } from "../src/services/catalogue/import-reference";
import { systemContext, withTransaction } from "../src/services/context";
import { insertOrFindPartnership } from "../src/services/partnerships/insert-partnership";
import { createTestUser } from "../src/test/auth";
import { createTestDatabase } from "../src/test/test-db";

const referenceDir = process.argv[2];
if (!referenceDir) throw new Error("usage: serve.ts <reference dir>");
const NOW = new Date("2026-11-23T12:00:00.000Z");
const PARTNERSHIPS = Number(process.env.BENCH_PARTNERSHIPS ?? 300);

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<number> {
  return new Promise((done) => {
    serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => done(info.port));
  });
}

// BENCH_ENGINE=postgres runs against a temporary database made from DATABASE_URL instead.
const engine = process.env.BENCH_ENGINE === "postgres" ? "postgres" : "pglite";
const testDb = await createTestDatabase(engine, engine === "postgres" ? { max: 20 } : {});
const db = testDb.db;
const started = performance.now();
const ctx = systemContext({ db, now: NOW });
const summary = await importReferenceFolder({ ctx, dir: referenceDir });
const importMs = performance.now() - started;

// Deterministic partnerships between the first hromadas and partners, spread over stages and years.
const hromadas = await rows<{ id: string }>(
  db.orm,
  sql`SELECT id FROM municipalities WHERE kind = 'hromada' ORDER BY id`,
);
const partners = await rows<{ id: string }>(
  db.orm,
  sql`SELECT id FROM municipalities WHERE kind = 'partner' ORDER BY id`,
);
const LINE: Stage[] = [
  "interest",
  "contact",
  "letter-of-intent",
  "council-decision",
  "agreement-signed",
  "funded-project",
  "active",
];
const partnerships: Partnership[] = [];
for (let i = 0; i < Math.min(PARTNERSHIPS, hromadas.length, partners.length * 3); i++) {
  const hromada = hromadas[(i * 7) % hromadas.length];
  const partner = partners[(i * 5) % partners.length];
  if (!hromada || !partner) continue;
  const steps = (i % LINE.length) + 1;
  const start = Date.UTC(2023, i % 36, 1 + (i % 27));
  const history = LINE.slice(0, steps).map((to, k) => ({
    from: k === 0 ? null : (LINE[k - 1] ?? null),
    to,
    at: new Date(start + k * 30 * 86_400_000).toISOString(),
    by: "bench",
  }));
  partnerships.push({
    id: `bench-${i}`,
    hromadaId: hromada.id,
    partnerIds: [partner.id],
    agreementType: "municipal-partnership",
    areas: ["education"],
    funding: i % 2 ? ["icld"] : ["ks"],
    stage: LINE[steps - 1] ?? "interest",
    history,
  });
}
// One open partnership per pair and agreement type: a repeated pair is left out, as on every path.
await withTransaction(ctx, async (tx) => {
  for (const input of partnerships) await insertOrFindPartnership({ tx, ctx, input, as: "bench" });
});
const [sample] = await rows<{ id: string }>(
  db.orm,
  sql`SELECT id FROM municipalities WHERE kind = 'hromada' AND search_keys LIKE '%herson%' ORDER BY id LIMIT 1`,
);

// Suggestions are for signed-in users: a coordinator's bearer token rides along on that route.
const coordinator = await createTestUser(db, { role: "coordinator" });
const app = createApp({ db, clock: () => NOW, logger: silentLogger, version: "bench" });
const plain = new Hono();
plain.get("/ok", (c) => c.text("ok"));
const [appPort, plainPort] = await Promise.all([listen(app.fetch), listen(plain.fetch)]);

process.send?.({
  appPort,
  plainPort,
  hromadaId: sample?.id ?? hromadas[0]?.id ?? null,
  authorization: coordinator.headers.authorization,
  municipalities:
    summary.municipalities.inserted +
    summary.municipalities.updated +
    summary.municipalities.unchanged,
  ties: summary.ties.inserted,
  partnerships: partnerships.length,
  importMs: Math.round(importMs),
  engine,
  routes: app.routes.map((r) => `${r.method} ${r.path}`),
});

async function stop() {
  await testDb.dispose();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("disconnect", () => void stop());
