import { Contact, MunicipalityProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const send = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("contact persons on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let app: ReturnType<typeof testApp>;
  let contact: Contact;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
    const res = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts`,
      send(
        "POST",
        {
          name: "Olena Kovalenko",
          role: "Head of international relations",
          email: "olena@hromada.example",
          languages: ["uk", "en"],
        },
        r.hromadaEditor.headers,
      ),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    contact = Contact.parse(await res.json());
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("hides contacts from anonymous callers, in the profile and the contacts route", async () => {
    const profile = await app.request(`/api/v1/municipalities/${r.hromada.id}`);
    expect(profile.status).toBe(200);
    const text = await profile.text();
    expect(text).not.toContain("Olena");
    expect(JSON.parse(text).contacts).toBeUndefined();
    const list = await app.request(`/api/v1/municipalities/${r.hromada.id}/contacts`);
    expect(list.status).toBe(401);
  });

  it("shows contacts to any signed-in user, in the profile and the contacts route", async () => {
    const profile = await app.request(`/api/v1/municipalities/${r.hromada.id}`, {
      headers: r.partnerEditor.headers,
    });
    const body = MunicipalityProfile.parse(await profile.json());
    expect(body.contacts?.map((c) => c.name)).toEqual(["Olena Kovalenko"]);
    expect(profile.headers.get("cache-control")).toContain("no-store");
    const list = await app.request(`/api/v1/municipalities/${r.hromada.id}/contacts`, {
      headers: r.coordinator.headers,
    });
    expect((await list.json()).items).toEqual([contact]);
  });

  it("updates only the fields sent, and audits before and after", async () => {
    const res = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`,
      send("PATCH", { role: "Deputy mayor" }, r.hromadaEditor.headers),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ ...contact, role: "Deputy mayor" });
    const [audit] = await rows<{ before: { role: string }; after: { role: string } }>(
      t.db.orm,
      sql`SELECT before, after FROM audit_log WHERE entity_id = ${contact.id} AND action = 'update'`,
    );
    expect([audit?.before.role, audit?.after.role]).toEqual([
      "Head of international relations",
      "Deputy mayor",
    ]);
  });

  it.each([
    [{ name: "" }, "json.name"],
    [{ name: "A", email: "nope" }, "json.email"],
    [{ name: "A", phone: "call me" }, "json.phone"],
  ])("rejects contact %j at %s", async (body, path) => {
    const res = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts`,
      send("POST", body, r.coordinator.headers),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("forbids another municipality's editor to add or delete contacts", async () => {
    const add = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts`,
      send("POST", { name: "Intruder" }, r.partnerEditor.headers),
    );
    expect(add.status).toBe(403);
    const del = await app.request(`/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`, {
      method: "DELETE",
      headers: r.partnerEditor.headers,
    });
    expect(del.status).toBe(403);
  });

  it("deletes a contact; a second delete is 404", async () => {
    const path = `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`;
    expect(
      (await app.request(path, { method: "DELETE", headers: r.coordinator.headers })).status,
    ).toBe(204);
    expect(
      (await app.request(path, { method: "DELETE", headers: r.coordinator.headers })).status,
    ).toBe(404);
  });
});
