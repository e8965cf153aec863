import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvite } from "../services/invites/create-invite";
import { testApp, testContext } from "../test/test-app";
import { createTestDatabase, type TestDatabase } from "../test/test-db";
import { rows } from "./db";

async function terminate(db: string, state?: string): Promise<number> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    const killed = await admin.query(
      `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR state = $2)) k`,
      [db, state ?? null],
    );
    return killed.rows[0].n;
  } finally {
    await admin.end();
  }
}

// Only meaningful against a server: PGlite has no connections to lose.
describe.runIf(process.env.DATABASE_URL)("a PostgreSQL pool", () => {
  let t: TestDatabase;
  const reported: Error[] = [];
  beforeAll(async () => {
    t = await createTestDatabase("postgres", {
      onConnectionError: (error) => reported.push(error),
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("survives the server ending its idle connections, reports it, and reconnects", async () => {
    const [{ name }] = (await rows<{ name: string }>(
      t.db.orm,
      sql`SELECT current_database() AS name`,
    )) as [{ name: string }];
    expect(await terminate(name)).toBeGreaterThan(0);
    // Without a listener on the pool, the FATAL message above is an uncaught exception here.
    await expect.poll(() => reported.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(reported[0]?.message).toMatch(/terminating connection/);
    const again = await rows<{ one: number }>(t.db.orm, sql`SELECT 1 AS one`);
    expect(again).toEqual([{ one: 1 }]);
  });

  it("answers 503 with Retry-After when the connection of an open transaction is cut, and lives on", async () => {
    const [{ name }] = (await rows<{ name: string }>(
      t.db.orm,
      sql`SELECT current_database() AS name`,
    )) as [{ name: string }];
    const app = testApp(t.db);
    const invite = await createInvite({
      ctx: testContext(t.db),
      input: { email: "cut@example.org", role: "coordinator" },
      as: "test",
    });
    // Accepting hashes the password inside the transaction: the connection sits idle in it.
    const pending = app.request("/api/v1/invites/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: invite.token,
        name: "Cut",
        password: "a long enough password",
      }),
    });
    let killed = 0;
    const deadline = Date.now() + 10_000;
    while (killed === 0 && Date.now() < deadline)
      killed = await terminate(name, "idle in transaction");
    expect(killed).toBe(1);
    const res = await pending;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await res.json()).code).toBe("service-unavailable");
    // Rolled back: the invite is still open and can be accepted now that the server is back.
    const again = await app.request("/api/v1/invites/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: invite.token,
        name: "Cut",
        password: "a long enough password",
      }),
    });
    expect(again.status).toBe(201);
  });
});
