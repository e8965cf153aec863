import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { silentLogger } from "../logger";
import { createRoleSet, createTestUser, type RoleSet } from "../test/auth";
import { TEST_NOW } from "../test/test-app";
import { createTestDatabase, type TestDatabase } from "../test/test-db";
import { resolveSessionCached, SESSION_CACHE_MS, SESSION_CACHE_SIZE } from "./session-cache";

describe("session cache (PGlite)", () => {
  let t: TestDatabase;
  let r: RoleSet;
  let now = TEST_NOW.getTime();
  const appAt = () => {
    const app = createApp({ db: t.db, clock: () => new Date(now), logger: silentLogger });
    app.get("/api/v1/__probe/whoami", (c) => c.json({ user: c.var.actor?.userId ?? null }));
    return app;
  };
  const whoami = async (headers: Record<string, string>) =>
    (await appAt().request("/api/v1/__probe/whoami", { headers })).json() as Promise<{
      user: string | null;
    }>;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    r = await createRoleSet(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("trusts a resolved session for at most SESSION_CACHE_MS after a change made elsewhere", async () => {
    now = TEST_NOW.getTime();
    const user = await createTestUser(t.db, { role: "editor", municipalityId: r.hromada.id });
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    // Another process disables the user: this one may answer from memory until the bound.
    await t.db.orm.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${user.userId}`);
    now += SESSION_CACHE_MS - 1;
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    now += 1;
    expect(await whoami(user.headers)).toEqual({ user: null });
  });

  it("forgets a token at once on sign-out in this process", async () => {
    now = TEST_NOW.getTime();
    const user = await createTestUser(t.db, { role: "editor", municipalityId: r.hromada.id });
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    const out = await appAt().request("/api/v1/auth/sign-out", {
      method: "POST",
      headers: user.headers,
    });
    expect(out.status).toBeLessThan(300);
    expect(await whoami(user.headers)).toEqual({ user: null });
  });

  it("forgets a user at once when a coordinator disables them in this process", async () => {
    now = TEST_NOW.getTime();
    const user = await createTestUser(t.db, { role: "editor", municipalityId: r.partner.id });
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    const res = await appAt().request(`/api/v1/users/${user.userId}/disable`, {
      method: "POST",
      headers: r.coordinator.headers,
    });
    expect(res.status).toBe(200);
    expect(await whoami(user.headers)).toEqual({ user: null });
  });

  it("forgets a user at once when a coordinator erases their data in this process", async () => {
    now = TEST_NOW.getTime();
    const user = await createTestUser(t.db, { role: "editor", municipalityId: r.partner.id });
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    const res = await appAt().request("/api/v1/privacy/erase", {
      method: "POST",
      headers: { ...r.coordinator.headers, "content-type": "application/json" },
      body: JSON.stringify({ email: user.email }),
    });
    expect(res.status).toBe(200);
    expect(await whoami(user.headers)).toEqual({ user: null });
  });

  it("does not let junk tokens push a real session out of the cache", async () => {
    now = TEST_NOW.getTime();
    const user = await createTestUser(t.db, { role: "editor", municipalityId: r.hromada.id });
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
    await t.db.orm.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${user.userId}`);
    const junk = "x".repeat(15_000);
    for (let i = 0; i <= SESSION_CACHE_SIZE; i++)
      expect(
        await resolveSessionCached({ db: t.db, token: `${junk}${i}`, now: new Date(now) }),
      ).toBeNull();
    // Still remembered (so still answered from memory until SESSION_CACHE_MS), not evicted by junk.
    expect(await whoami(user.headers)).toEqual({ user: user.userId });
  });
});
