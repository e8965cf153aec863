import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";
import { rows } from "./create-db";
import { MigrationChecksumError } from "./migrate";
import { loadMigrations } from "./migrations-fs";

describe.each(ENGINES)("migrations on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("records every migration file once", async () => {
    const applied = await rows<{ name: string }>(
      t.db.orm,
      sql`SELECT name FROM schema_migrations ORDER BY name`,
    );
    expect(applied.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
  });

  it("applies nothing twice when two handles migrate at the same moment", async () => {
    // PostgreSQL: two pools race for the advisory lock. PGlite allows one handle per folder, so
    // the race there is between concurrent migrate() calls on the same handle.
    const other = engine === "postgres" ? await t.open({ migrate: false }) : t.db;
    const results = await Promise.all([t.db.migrate(), other.migrate(), t.db.migrate()]);
    expect(results.flat()).toEqual([]);
    const [count] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM schema_migrations`,
    );
    expect(count?.n).toBe(loadMigrations().length);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const edited = loadMigrations().map((m, i) =>
      i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m,
    );
    // One PGlite handle may own a folder at a time, so close ours before opening another.
    if (engine === "pglite") await t.db.close();
    await expect(t.open({ migrations: edited })).rejects.toBeInstanceOf(MigrationChecksumError);
    if (engine === "pglite") t.db = await t.open();
  });

  it("keeps data across a restart", async () => {
    await t.db.orm.execute(sql`INSERT INTO audit_log (actor_label, entity_type, entity_id, action)
      VALUES ('test', 'probe', 'restart', 'write')`);
    await t.db.close();
    const reopened = await t.open();
    const found = await rows<{ action: string }>(
      reopened.orm,
      sql`SELECT action FROM audit_log WHERE entity_type = 'probe' AND entity_id = 'restart'`,
    );
    expect(found).toEqual([{ action: "write" }]);
    t.db = reopened;
  });
});

describe("a PGlite folder", () => {
  it("cannot be opened by a second process while the first holds it", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { createDb } = await import("./create-db");
    const dir = mkdtempSync(join(tmpdir(), "pobratym-lock-"));
    // Our parent process stands in for "another live process" holding the folder.
    writeFileSync(join(dir, "pobratym.pid"), String(process.ppid));
    await expect(createDb(undefined, { dataDir: dir })).rejects.toThrow(/in use by process/);
    rmSync(dir, { recursive: true, force: true });
  });
});
