import { VersionedNeed } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createRoleSet, createTestMunicipality, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const send = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("needs of a hromada on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let app: ReturnType<typeof testApp>;
  let base: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
    base = `/api/v1/municipalities/${r.hromada.id}/needs`;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("creates, lists, updates with If-Match and deletes a need, auditing each step", async () => {
    const created = await app.request(
      base,
      send(
        "POST",
        {
          area: "energy-heating",
          horizon: "short-term",
          quantity: { amount: 12, unit: "generators" },
        },
        r.hromadaEditor.headers,
      ),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const need = VersionedNeed.parse(await created.json());
    expect(need).toMatchObject({ priority: "medium", status: "open", version: 1 });

    const listed = await app.request(base);
    expect((await listed.json()).items).toEqual([need]);
    const profile = await (await app.request(`/api/v1/municipalities/${r.hromada.id}`)).json();
    expect(profile.needs.map((n: { id: string }) => n.id)).toEqual([need.id]);

    const patched = await app.request(
      `${base}/${need.id}`,
      send(
        "PATCH",
        { priority: "critical", quantity: null },
        { ...r.hromadaEditor.headers, "if-match": '"1"' },
      ),
    );
    expect(patched.status, await patched.clone().text()).toBe(200);
    const updated = VersionedNeed.parse(await patched.json());
    expect(updated).toMatchObject({ priority: "critical", version: 2 });
    expect(updated.quantity).toBeUndefined();

    const stale = await app.request(`${base}/${need.id}`, {
      method: "DELETE",
      headers: { ...r.hromadaEditor.headers, "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe('"2"');
    const noMatch = await app.request(`${base}/${need.id}`, {
      method: "DELETE",
      headers: r.hromadaEditor.headers,
    });
    expect(noMatch.status).toBe(428);
    const deleted = await app.request(`${base}/${need.id}`, {
      method: "DELETE",
      headers: { ...r.hromadaEditor.headers, "if-match": '"2"' },
    });
    expect(deleted.status).toBe(204);

    const audit = await rows<{ action: string }>(
      t.db.orm,
      sql`SELECT action FROM audit_log WHERE entity_type = 'need' AND entity_id = ${need.id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });

  it.each([
    [{ area: "not-an-area", horizon: "short-term" }, "json.area"],
    [{ area: "waste", horizon: "someday" }, "json.horizon"],
    [{ area: "waste", horizon: "long-term", id: "mine" }, "json"],
  ])("rejects need %j at %s", async (body, path) => {
    const res = await app.request(base, send("POST", body, r.coordinator.headers));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("answers 409 for needs on a partner municipality", async () => {
    const res = await app.request(
      `/api/v1/municipalities/${r.partner.id}/needs`,
      send("POST", { area: "waste", horizon: "long-term" }, r.coordinator.headers),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe("conflict");
  });

  it("forbids anonymous callers and editors of other municipalities", async () => {
    const body = { area: "waste", horizon: "long-term" };
    expect((await app.request(base, send("POST", body))).status).toBe(401);
    expect((await app.request(base, send("POST", body, r.partnerEditor.headers))).status).toBe(403);
  });

  it("hides a draft hromada's needs from the public but not from its editor", async () => {
    const draft = await createTestMunicipality(t.db, { kind: "hromada", status: "draft" });
    expect((await app.request(`/api/v1/municipalities/${draft.id}/needs`)).status).toBe(404);
    expect(
      (
        await app.request(`/api/v1/municipalities/${draft.id}/needs`, {
          headers: r.coordinator.headers,
        })
      ).status,
    ).toBe(200);
  });
});
