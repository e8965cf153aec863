import { User } from "@pobratym/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoleSet, createTestUser, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

describe.each(ENGINES)("user administration on %s", (engine) => {
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

  it("lists users to coordinators without any password material", async () => {
    const res = await app.request("/api/v1/users", { headers: r.coordinator.headers });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/pbkdf2|password|hash/i);
    const items = User.array().parse(JSON.parse(text).items);
    expect(items.map((u) => u.id).sort()).toEqual(
      [r.coordinator.userId, r.hromadaEditor.userId, r.partnerEditor.userId].sort(),
    );
  });

  it("disables a user: their sessions stop working at once", async () => {
    const victim = await createTestUser(t.db, { role: "editor", municipalityId: r.hromada.id });
    expect((await app.request("/api/v1/auth/me", { headers: victim.headers })).status).toBe(200);
    const res = await app.request(`/api/v1/users/${victim.userId}/disable`, {
      method: "POST",
      headers: r.coordinator.headers,
    });
    expect(res.status).toBe(200);
    expect(User.parse(await res.json()).disabled).toBe(true);
    expect((await app.request("/api/v1/auth/me", { headers: victim.headers })).status).toBe(401);
  });

  it("answers 400 for a malformed id, 404 for an unknown one and 409 for disabling yourself", async () => {
    const post = (id: string) =>
      app.request(`/api/v1/users/${id}/disable`, {
        method: "POST",
        headers: r.coordinator.headers,
      });
    expect((await post("bad%20id")).status).toBe(400);
    expect((await post("user-nope")).status).toBe(404);
    expect((await post(r.coordinator.userId)).status).toBe(409);
  });

  it("lets only coordinators see or disable users", async () => {
    expect((await app.request("/api/v1/users")).status).toBe(401);
    expect((await app.request("/api/v1/users", { headers: r.hromadaEditor.headers })).status).toBe(
      403,
    );
  });
});
