import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { silentLogger } from "../logger";
import { bearer, createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";
import {
  assertCanEditMunicipality,
  canEditMunicipality,
  requireRole,
  SESSION_COOKIE,
} from "./auth";

describe.each(ENGINES)("auth middleware on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
    app.get("/api/v1/__probe/coordinator", requireRole("coordinator"), (c) => c.json(c.var.actor));
    app.post("/api/v1/__probe/any", requireRole("coordinator", "editor"), (c) =>
      c.json(c.var.actor),
    );
    app.get("/api/v1/__probe/whoami", (c) => c.json({ actor: c.var.actor }));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("resolves a bearer token to the user's actor", async () => {
    const res = await app.request("/api/v1/__probe/whoami", { headers: r.hromadaEditor.headers });
    expect(await res.json()).toEqual({ actor: r.hromadaEditor.actor });
  });

  it("treats a missing, malformed or unknown token as anonymous", async () => {
    for (const authorization of [undefined, "Bearer", "Basic abc", `Bearer ${"x".repeat(43)}`]) {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const res = await app.request("/api/v1/__probe/whoami", { headers });
      expect(await res.json()).toEqual({ actor: null });
    }
  });

  it("answers 401 problem to anonymous callers and 403 to the wrong role", async () => {
    const anon = await app.request("/api/v1/__probe/coordinator");
    expect(anon.status).toBe(401);
    expect(anon.headers.get("content-type")).toContain("application/problem+json");
    expect((await anon.json()).code).toBe("unauthorized");
    const editor = await app.request("/api/v1/__probe/coordinator", {
      headers: r.hromadaEditor.headers,
    });
    expect(editor.status).toBe(403);
    expect((await editor.json()).code).toBe("forbidden");
    const coordinator = await app.request("/api/v1/__probe/coordinator", {
      headers: r.coordinator.headers,
    });
    expect(coordinator.status).toBe(200);
  });

  it("accepts the session cookie, but not on a cross-origin unsafe request", async () => {
    const cookie = `${SESSION_COOKIE}=${r.coordinator.token}`;
    const same = await app.request("http://localhost/api/v1/__probe/any", {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
    });
    expect(same.status).toBe(200);
    const foreign = await app.request("http://localhost/api/v1/__probe/any", {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(401);
  });

  it("rejects an expired session and a disabled user", async () => {
    await t.db.orm.execute(
      sql`UPDATE users SET disabled_at = now() WHERE id = ${r.partnerEditor.userId}`,
    );
    const disabled = await app.request("/api/v1/__probe/any", {
      method: "POST",
      headers: r.partnerEditor.headers,
    });
    expect(disabled.status).toBe(401);
    // Sessions from createTestUser last a year from TEST_NOW; two years on they are gone.
    const later = createApp({
      db: t.db,
      clock: () => new Date("2028-11-23T12:00:00Z"),
      logger: silentLogger,
    });
    later.get("/api/v1/__probe/whoami", (c) => c.json({ actor: c.var.actor }));
    const res = await later.request("/api/v1/__probe/whoami", {
      headers: bearer(r.coordinator.token),
    });
    expect(await res.json()).toEqual({ actor: null });
  });

  it.each([
    ["coordinator", "own", true],
    ["own editor", "own", true],
    ["other editor", "own", false],
    ["anonymous", "own", false],
  ] as const)("canEditMunicipality: %s", (who, _target, expected) => {
    const actor =
      who === "coordinator"
        ? r.coordinator.actor
        : who === "anonymous"
          ? null
          : r.hromadaEditor.actor;
    const id = who === "other editor" ? r.partner.id : r.hromada.id;
    expect(canEditMunicipality(actor, id)).toBe(expected);
    if (!expected) expect(() => assertCanEditMunicipality(actor, id)).toThrow();
  });
});
