import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Health, REPORTED_PARTNERSHIPS } from "@pobratym/core";
import { DEMO_DATASET } from "@pobratym/core/demo";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./bootstrap";
import type { Db } from "./db/db";
import { rows } from "./db/db";
import { loadMigrations } from "./db/migrations-fs";
import type { Env } from "./env";
import { silentLogger } from "./logger";
import { PACKAGED_REFERENCE_DIR } from "./reference-dir";
import { importReference, readReferenceFolder } from "./services/catalogue/import-reference";
import { loadReportedPartnerships } from "./services/catalogue/load-reported-partnerships";
import { seedDemo } from "./services/catalogue/seed-demo";
import { testApp, testContext } from "./test/test-app";
import { createTestDatabase, ENGINES } from "./test/test-db";

const NOW = () => new Date("2026-11-23T12:00:00.000Z");

type BootEnv = Parameters<typeof openDatabase>[0];
const env = (over: Partial<Env> & Pick<Env, "POBRATYM_DATA_DIR">): BootEnv => ({
  POBRATYM_IMPORT_MAX_CHANGE: 0.1,
  ...over,
});

/** What a catalogue holds: municipalities by source, activity, and partnership facts. */
async function contents(db: Db) {
  const [row] = await rows<{
    demo: number;
    total: number;
    needs: number;
    offers: number;
    demoTies: number;
    described: number;
    demoEvents: number;
  }>(
    db.orm,
    sql`SELECT
      (SELECT count(*)::int FROM municipalities WHERE source = 'demo') AS demo,
      (SELECT count(*)::int FROM municipalities) AS total,
      (SELECT count(*)::int FROM needs) AS needs,
      (SELECT count(*)::int FROM offers) AS offers,
      (SELECT count(*)::int FROM ties WHERE id LIKE 'demo-%') AS "demoTies",
      (SELECT count(*)::int FROM municipalities WHERE data ? 'description') AS described,
      (SELECT count(*)::int FROM partnership_events WHERE by = 'demo') AS "demoEvents"`,
  );
  const partnerships = await rows<{ id: string; source: string | null; events: number }>(
    db.orm,
    sql`SELECT p.id, p.data->>'source' AS source,
        (SELECT count(*)::int FROM partnership_events e WHERE e.partnership_id = p.id) AS events
      FROM partnerships p ORDER BY p.id`,
  );
  return { ...row, partnerships };
}

// Each start-up imports the whole catalogue: slow on a loaded machine, so generous limits.
const SLOW = { timeout: 300_000 };
const reportedIds = REPORTED_PARTNERSHIPS.map((p) => p.id).sort();

describe("start-up: the demo and the real catalogue never mix", SLOW, () => {
  const dirs: string[] = [];
  const boot = async (over: Partial<Env>) => {
    const dir = mkdtempSync(join(tmpdir(), "pobratym-boot-"));
    dirs.push(dir);
    return openDatabase(env({ POBRATYM_DATA_DIR: dir, ...over }), silentLogger, NOW);
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the whole real catalogue with the reported partnerships and nothing invented", async () => {
    const db = await boot({ POBRATYM_REFERENCE_DIR: PACKAGED_REFERENCE_DIR });
    try {
      const c = await contents(db);
      expect(c).toMatchObject({ total: 2117, demo: 0, needs: 0, offers: 0, demoTies: 0 });
      expect(c.described).toBe(0);
      expect(c.partnerships.map((p) => p.id)).toEqual(reportedIds);
      expect(c.partnerships.every((p) => /public reporting$/.test(p.source ?? ""))).toBe(true);
      expect(c.partnerships.every((p) => p.events === 0)).toBe(true);
      const health = Health.parse(await (await testApp(db).request("/api/v1/health")).json());
      expect(health.catalogue).toBe("real");
    } finally {
      await db.close();
    }
  });

  it.each([
    ["POBRATYM_DEMO=1", { POBRATYM_DEMO: "1", POBRATYM_REFERENCE_DIR: PACKAGED_REFERENCE_DIR }],
    ["the import off", {}],
  ] as const)("seeds the demo alone with %s, marked as a demo", async (_label, over) => {
    const db = await boot(over);
    try {
      const c = await contents(db);
      expect(c.total).toBe(DEMO_DATASET.municipalities.length);
      expect(c.demo).toBe(DEMO_DATASET.municipalities.length);
      expect(c.needs).toBeGreaterThan(0);
      const health = Health.parse(await (await testApp(db).request("/api/v1/health")).json());
      expect(health.catalogue).toBe("demo");
    } finally {
      await db.close();
    }
  });

  it("takes a demo catalogue out when the server next starts on the real one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pobratym-boot-"));
    dirs.push(dir);
    const demo = await openDatabase(env({ POBRATYM_DATA_DIR: dir }), silentLogger, NOW);
    await demo.close();
    const real = await openDatabase(
      env({ POBRATYM_DATA_DIR: dir, POBRATYM_REFERENCE_DIR: PACKAGED_REFERENCE_DIR }),
      silentLogger,
      NOW,
    );
    try {
      const c = await contents(real);
      expect(c).toMatchObject({ total: 2117, demo: 0, needs: 0, offers: 0, described: 0 });
      expect(c.partnerships.map((p) => p.id)).toEqual(reportedIds);
    } finally {
      await real.close();
    }
  });
});

describe.each(ENGINES)("migration 0006 on %s", SLOW, (engine) => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    // A database as the old start-up left it: the demo seeded, the reference imported on top.
    const t = await createTestDatabase(engine, { migrations: loadMigrations().slice(0, 5) });
    await seedDemo({ ctx: testContext(t.db, { now: NOW() }) });
    await importReference({
      ctx: testContext(t.db, { now: NOW() }),
      files: await readReferenceFolder(PACKAGED_REFERENCE_DIR),
    });
    await t.db.close();
    db = await t.open({ migrations: loadMigrations() });
    dispose = t.dispose;
  }, SLOW.timeout);
  afterAll(async () => {
    await dispose?.();
  });

  it("removes the demo-only rows from a catalogue that mixes them with the real one", async () => {
    const c = await contents(db);
    expect(c).toMatchObject({
      total: 2117,
      demo: 0,
      needs: 0,
      offers: 0,
      demoTies: 0,
      described: 0,
      demoEvents: 0,
    });
    // The real municipalities the demo named stay, without what the demo invented for them.
    const [kherson] = await rows<{ languages: string[]; experience: boolean; source: string }>(
      db.orm,
      sql`SELECT data->'workingLanguages' AS languages, (data->>'internationalExperience')::boolean AS experience, source
        FROM municipalities WHERE id = 'ua-UA65100150000057191'`,
    );
    expect(kherson).toEqual({ languages: ["uk"], experience: false, source: "reference" });
  });

  it("keeps the real partnerships: they come back as reported facts", async () => {
    expect((await contents(db)).partnerships).toEqual([]);
    expect(await loadReportedPartnerships({ ctx: testContext(db, { now: NOW() }) })).toBe(8);
    const c = await contents(db);
    expect(c.partnerships.map((p) => p.id)).toEqual(reportedIds);
    // Idempotent: a second start adds nothing.
    await loadReportedPartnerships({ ctx: testContext(db, { now: NOW() }) });
    expect((await contents(db)).partnerships).toHaveLength(8);
  });
});
