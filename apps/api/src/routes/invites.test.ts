import { Invite, Session } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { rows } from "../db/db";
import { silentLogger } from "../logger";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("invites on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function invite(body: unknown) {
    const res = await app.request("/api/v1/invites", post(body, r.coordinator.headers));
    expect(res.status, await res.clone().text()).toBe(201);
    return Invite.parse(await res.json());
  }

  it("creates an editor who can sign in and edit their municipality, from a one-time token", async () => {
    const inv = await invite({
      email: "olena@example.org",
      role: "editor",
      municipalityId: r.hromada.id,
    });
    const stored = await rows<{ token_hash: string }>(
      t.db.orm,
      sql`SELECT token_hash FROM invites WHERE email = 'olena@example.org'`,
    );
    expect(stored[0]?.token_hash).not.toBe(inv.token);
    const accepted = await app.request(
      "/api/v1/invites/accept",
      post({ token: inv.token, name: "Olena", password: "a long enough password" }),
    );
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    const text = await accepted.text();
    expect(text).not.toMatch(/pbkdf2|password/i);
    const session = Session.parse(JSON.parse(text));
    expect(session.user).toMatchObject({
      email: "olena@example.org",
      role: "editor",
      municipalityId: r.hromada.id,
    });
    const signIn = await app.request(
      "/api/v1/auth/sign-in",
      post({ email: "olena@example.org", password: "a long enough password" }),
    );
    expect(signIn.status).toBe(200);
  });

  it("accepts a token only once, even when two accepts race", async () => {
    const inv = await invite({ email: "twice@example.org", role: "coordinator" });
    const body = post({ token: inv.token, name: "Twice", password: "another long password" });
    const [a, b] = await Promise.all([
      app.request("/api/v1/invites/accept", body),
      app.request("/api/v1/invites/accept", body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    const again = await app.request("/api/v1/invites/accept", body);
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe("invalid-invite");
    const users = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM users WHERE email = 'twice@example.org'`,
    );
    expect(users[0]?.n).toBe(1);
  });

  it("refuses an expired invite", async () => {
    const inv = await invite({ email: "late@example.org", role: "coordinator" });
    const later = createApp({
      db: t.db,
      clock: () => new Date("2027-01-01T00:00:00Z"),
      logger: silentLogger,
    });
    const res = await later.request(
      "/api/v1/invites/accept",
      post({ token: inv.token, name: "Late", password: "a long enough password" }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("invalid-invite");
  });

  it.each([
    [{ email: "x@example.org", role: "editor" }, "json.municipalityId"],
    [
      { email: "x@example.org", role: "coordinator", municipalityId: "ua-1" },
      "json.municipalityId",
    ],
    [{ email: "not-mail", role: "coordinator" }, "json.email"],
    [{ email: "x@example.org", role: "admin" }, "json.role"],
  ])("rejects invite %j at %s", async (body, path) => {
    const res = await app.request("/api/v1/invites", post(body, r.coordinator.headers));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("rejects a weak password when accepting, and keeps the invite usable", async () => {
    const inv = await invite({ email: "weak@example.org", role: "coordinator" });
    const weak = await app.request(
      "/api/v1/invites/accept",
      post({ token: inv.token, name: "Weak", password: "short" }),
    );
    expect(weak.status).toBe(400);
    expect((await weak.json()).errors.map((e: { path: string }) => e.path)).toContain(
      "json.password",
    );
    const ok = await app.request(
      "/api/v1/invites/accept",
      post({ token: inv.token, name: "Weak", password: "now a long password" }),
    );
    expect(ok.status).toBe(201);
  });

  it("answers 409 when the email already has an account, and 404 for an unknown municipality", async () => {
    const taken = await app.request(
      "/api/v1/invites",
      post(
        { email: r.hromadaEditor.email.toUpperCase(), role: "coordinator" },
        r.coordinator.headers,
      ),
    );
    expect(taken.status).toBe(409);
    const unknown = await app.request(
      "/api/v1/invites",
      post(
        { email: "n@example.org", role: "editor", municipalityId: "ua-nope" },
        r.coordinator.headers,
      ),
    );
    expect(unknown.status).toBe(404);
  });

  it("lets only coordinators invite", async () => {
    const body = { email: "sneaky@example.org", role: "coordinator" };
    expect((await app.request("/api/v1/invites", post(body))).status).toBe(401);
    expect((await app.request("/api/v1/invites", post(body, r.hromadaEditor.headers))).status).toBe(
      403,
    );
  });
});
