import { Session, User } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createLimits } from "../middleware/rate-limit";
import { bearer, createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";
import { SIGN_IN_LIMIT } from "./auth";

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("sign-in, sign-out and /auth/me on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("signs in with the right password and returns a token, never the password hash", async () => {
    const app = testApp(t.db);
    const res = await app.request(
      "/api/v1/auth/sign-in",
      json({ email: r.coordinator.email.toUpperCase(), password: r.coordinator.password }),
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/pbkdf2|password/i);
    const session = Session.parse(JSON.parse(text));
    expect(session.user).toMatchObject({
      id: r.coordinator.userId,
      role: "coordinator",
      municipalityId: null,
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/pobratym_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // Only the token's hash is stored.
    const stored = await rows<{ token_hash: string }>(
      t.db.orm,
      sql`SELECT token_hash FROM sessions WHERE user_id = ${r.coordinator.userId}`,
    );
    expect(stored.map((s) => s.token_hash)).not.toContain(session.token);
    const me = await app.request("/api/v1/auth/me", { headers: bearer(session.token) });
    expect(me.status).toBe(200);
    expect(User.parse((await me.json()).user).email).toBe(r.coordinator.email);
  });

  it("answers 401 invalid-credentials for a wrong password and for an unknown email alike", async () => {
    const app = testApp(t.db);
    const wrong = await app.request(
      "/api/v1/auth/sign-in",
      json({ email: r.hromadaEditor.email, password: "not-the-password" }),
    );
    const unknown = await app.request(
      "/api/v1/auth/sign-in",
      json({ email: "nobody@example.org", password: "whatever-it-is" }),
    );
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.code).toBe("invalid-credentials");
      expect(body.detail).toBe("The email or password is wrong.");
    }
  });

  it("rejects a malformed sign-in body with the failing fields", async () => {
    const res = await testApp(t.db).request(
      "/api/v1/auth/sign-in",
      json({ email: "not-an-email", extra: 1 }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("validation-failed");
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["json.email", "json.password"]),
    );
  });

  it(`refuses one address with 429 and Retry-After after ${SIGN_IN_LIMIT.failures} failures on one email, even with the right password`, async () => {
    const app = testApp(t.db);
    const email = r.partnerEditor.email;
    const from = { "x-forwarded-for": "10.0.0.1" };
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i++) {
      const res = await app.request(
        "/api/v1/auth/sign-in",
        json({ email, password: `wrong-${i}` }, from),
      );
      expect(res.status).toBe(401);
    }
    const locked = await app.request(
      "/api/v1/auth/sign-in",
      json({ email, password: r.partnerEditor.password }, from),
    );
    expect(locked.status).toBe(429);
    expect(locked.headers.get("content-type")).toContain("application/problem+json");
    expect((await locked.json()).code).toBe("too-many-requests");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(
      SIGN_IN_LIMIT.windowMs / 1000,
    );
    // The owner, elsewhere, is not locked out by someone else's guesses.
    const owner = await app.request(
      "/api/v1/auth/sign-in",
      json({ email, password: r.partnerEditor.password }, { "x-forwarded-for": "10.0.1.1" }),
    );
    expect(owner.status).toBe(200);
  });

  it("never refuses the right password of an email guessed at from many addresses, only slows it", async () => {
    const slept: number[] = [];
    const app = testApp(t.db, {
      limits: createLimits(undefined, { sleep: async (ms) => void slept.push(ms) }),
    });
    const email = r.hromadaEditor.email;
    for (let i = 0; i < 30; i++) {
      const res = await app.request(
        "/api/v1/auth/sign-in",
        json({ email, password: `wrong-${i}` }, { "x-forwarded-for": `10.2.0.${i}` }),
      );
      expect(res.status).toBe(401);
    }
    const owner = await app.request(
      "/api/v1/auth/sign-in",
      json({ email, password: r.hromadaEditor.password }, { "x-forwarded-for": "10.2.1.1" }),
    );
    expect(owner.status).toBe(200);
    expect(slept.length).toBe(30 - SIGN_IN_LIMIT.delayAfter + 1);
    expect(Math.max(...slept)).toBe(SIGN_IN_LIMIT.maxDelayMs);
  });

  it(`refuses a client address after ${SIGN_IN_LIMIT.perAddress} failures across many emails`, async () => {
    const app = testApp(t.db);
    const ip = { "x-forwarded-for": "192.0.2.7" };
    for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++) {
      const res = await app.request(
        "/api/v1/auth/sign-in",
        json({ email: `guess${i}@example.org`, password: "guess-guess" }, ip),
      );
      expect(res.status).toBe(401);
    }
    const res = await app.request(
      "/api/v1/auth/sign-in",
      json({ email: r.coordinator.email, password: r.coordinator.password }, ip),
    );
    expect(res.status).toBe(429);
    const elsewhere = await app.request(
      "/api/v1/auth/sign-in",
      json(
        { email: r.coordinator.email, password: r.coordinator.password },
        { "x-forwarded-for": "192.0.2.8" },
      ),
    );
    expect(elsewhere.status).toBe(200);
  });

  describe("without a trusted proxy", () => {
    // Each request's peer address is what the socket says; here a test header stands in for it.
    const direct = () =>
      testApp(t.db, { trustProxy: { kind: "off" }, peerAddress: (c) => c.req.header("x-peer") });

    it("keys failures by the connection's address, whatever X-Forwarded-For claims", async () => {
      const app = direct();
      const email = r.coordinator.email;
      for (let i = 0; i < SIGN_IN_LIMIT.failures; i++) {
        const res = await app.request(
          "/api/v1/auth/sign-in",
          json(
            { email, password: `wrong-${i}` },
            { "x-peer": "198.51.100.66", "x-forwarded-for": `10.9.9.${i}` },
          ),
        );
        expect(res.status).toBe(401);
      }
      const spoofer = await app.request(
        "/api/v1/auth/sign-in",
        json(
          { email, password: r.coordinator.password },
          { "x-peer": "198.51.100.66", "x-forwarded-for": "10.9.9.200" },
        ),
      );
      expect(spoofer.status).toBe(429);
    });

    it("gives every client its own bucket instead of one shared 'unknown'", async () => {
      const app = direct();
      for (let i = 0; i < SIGN_IN_LIMIT.perAddress; i++) {
        await app.request(
          "/api/v1/auth/sign-in",
          json(
            { email: `nobody${i}@example.org`, password: "guess-guess" },
            { "x-peer": "198.51.100.77" },
          ),
        );
      }
      const other = await app.request(
        "/api/v1/auth/sign-in",
        json(
          { email: r.partnerEditor.email, password: r.partnerEditor.password },
          { "x-peer": "198.51.100.78" },
        ),
      );
      expect(other.status).toBe(200);
    });
  });

  it("signs out: the token stops working", async () => {
    const app = testApp(t.db);
    const signIn = Session.parse(
      await (
        await app.request(
          "/api/v1/auth/sign-in",
          json({ email: r.hromadaEditor.email, password: r.hromadaEditor.password }),
        )
      ).json(),
    );
    expect((await app.request("/api/v1/auth/me", { headers: bearer(signIn.token) })).status).toBe(
      200,
    );
    const out = await app.request("/api/v1/auth/sign-out", {
      method: "POST",
      headers: bearer(signIn.token),
    });
    expect(out.status).toBe(204);
    expect((await app.request("/api/v1/auth/me", { headers: bearer(signIn.token) })).status).toBe(
      401,
    );
  });

  it("answers /auth/me with 401 when anonymous", async () => {
    const res = await testApp(t.db).request("/api/v1/auth/me");
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("unauthorized");
  });
});
