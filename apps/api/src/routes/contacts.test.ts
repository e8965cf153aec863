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
    expect(contact.version).toBe(1);
    expect(res.headers.get("etag")).toBe('"1"');
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

  it("answers 428 without If-Match, also for *, and changes nothing", async () => {
    const path = `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`;
    for (const headers of [
      r.hromadaEditor.headers,
      { ...r.hromadaEditor.headers, "if-match": "*" },
    ]) {
      const patch = await app.request(path, send("PATCH", { role: "Mayor" }, headers));
      expect(patch.status).toBe(428);
      expect((await patch.json()).code).toBe("precondition-required");
      const del = await app.request(path, { method: "DELETE", headers });
      expect(del.status).toBe(428);
    }
    const list = await app.request(`/api/v1/municipalities/${r.hromada.id}/contacts`, {
      headers: r.coordinator.headers,
    });
    expect((await list.json()).items).toEqual([contact]);
  });

  it("answers 412 with the current ETag when If-Match is stale, and changes nothing", async () => {
    const path = `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`;
    for (const ifMatch of ['"2"', '"999"', "not-an-etag"]) {
      const stale = await app.request(
        path,
        send("PATCH", { role: "Mayor" }, { ...r.hromadaEditor.headers, "if-match": ifMatch }),
      );
      expect(stale.status, ifMatch).toBe(412);
      expect((await stale.json()).code).toBe("precondition-failed");
      if (ifMatch !== "not-an-etag") expect(stale.headers.get("etag")).toBe('"1"');
      const del = await app.request(path, {
        method: "DELETE",
        headers: { ...r.hromadaEditor.headers, "if-match": ifMatch },
      });
      expect(del.status, ifMatch).toBe(412);
    }
    const [row] = await rows<{ version: number; role: string }>(
      t.db.orm,
      sql`SELECT version, role FROM contact_persons WHERE id = ${contact.id}`,
    );
    expect(row).toEqual({ version: 1, role: "Head of international relations" });
  });

  it("updates only the fields sent at the version read, bumps the ETag, and audits before and after", async () => {
    const res = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`,
      send("PATCH", { role: "Deputy mayor" }, { ...r.hromadaEditor.headers, "if-match": '"1"' }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    expect(await res.json()).toEqual({ ...contact, role: "Deputy mayor", version: 2 });
    contact = { ...contact, role: "Deputy mayor", version: 2 };
    const again = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`,
      send("PATCH", { role: "Mayor" }, { ...r.hromadaEditor.headers, "if-match": '"1"' }),
    );
    expect(again.status).toBe(412);
    expect(again.headers.get("etag")).toBe('"2"');
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
      headers: { ...r.partnerEditor.headers, "if-match": `"${contact.version}"` },
    });
    expect(del.status).toBe(403);
  });

  it("applies exactly one of 10 concurrent PATCHes with the same If-Match; the rest get 412 and nothing is lost", async () => {
    const created = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts`,
      send("POST", { name: "Petro Race" }, r.hromadaEditor.headers),
    );
    expect(created.status).toBe(201);
    const racer = Contact.parse(await created.json());
    const etag = created.headers.get("etag") ?? "";
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.request(
          `/api/v1/municipalities/${r.hromada.id}/contacts/${racer.id}`,
          send("PATCH", { role: `writer ${i}` }, { ...r.hromadaEditor.headers, "if-match": etag }),
        ),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(9);
    const winner = responses.findIndex((res) => res.status === 200);
    for (const res of responses) expect(res.headers.get("etag")).toBe('"2"');
    const [stored] = await rows<{ version: number; role: string }>(
      t.db.orm,
      sql`SELECT version, role FROM contact_persons WHERE id = ${racer.id}`,
    );
    expect(stored).toEqual({ version: 2, role: `writer ${winner}` });
    const audits = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${racer.id} AND action = 'update'`,
    );
    expect(audits[0]?.n).toBe(1);
  });

  it("deletes a contact at the version read; a stale delete is 412, a second delete is 404", async () => {
    const path = `/api/v1/municipalities/${r.hromada.id}/contacts/${contact.id}`;
    const stale = await app.request(path, {
      method: "DELETE",
      headers: { ...r.coordinator.headers, "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(`"${contact.version}"`);
    const ifMatch = { ...r.coordinator.headers, "if-match": `"${contact.version}"` };
    expect((await app.request(path, { method: "DELETE", headers: ifMatch })).status).toBe(204);
    expect((await app.request(path, { method: "DELETE", headers: ifMatch })).status).toBe(404);
    const [audit] = await rows<{ before: { version: number } }>(
      t.db.orm,
      sql`SELECT before FROM audit_log WHERE entity_id = ${contact.id} AND action = 'delete'`,
    );
    expect(audit?.before.version).toBe(contact.version);
  });
});
