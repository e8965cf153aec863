import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/test-db";
import { rows } from "./db";

// Only meaningful against a server: PGlite has no connections to lose.
describe.runIf(process.env.DATABASE_URL)("a PostgreSQL pool", () => {
  let t: TestDatabase;
  const reported: Error[] = [];
  beforeAll(async () => {
    t = await createTestDatabase("postgres", { onIdleError: (error) => reported.push(error) });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("survives the server ending its idle connections, reports it, and reconnects", async () => {
    const [{ name }] = (await rows<{ name: string }>(
      t.db.orm,
      sql`SELECT current_database() AS name`,
    )) as [{ name: string }];
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const killed = await admin.query(
        "SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) k",
        [name],
      );
      expect(killed.rows[0].n).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Without a listener on the pool, the FATAL message above is an uncaught exception here.
    await expect.poll(() => reported.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(reported[0]?.message).toMatch(/terminating connection/);
    const again = await rows<{ one: number }>(t.db.orm, sql`SELECT 1 AS one`);
    expect(again).toEqual([{ one: 1 }]);
  });
});
