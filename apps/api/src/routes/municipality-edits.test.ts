import { MunicipalityProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const send = (method: string, body: unknown, headers: Record<string, string>) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("municipality create and PATCH on %s", (engine) => {
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

  async function current(id: string) {
    const res = await app.request(`/api/v1/municipalities/${id}`, {
      headers: r.coordinator.headers,
    });
    expect(res.status).toBe(200);
    return {
      etag: res.headers.get("etag") ?? "",
      profile: MunicipalityProfile.parse(await res.json()),
    };
  }

  it("creates a municipality with a derived id, version 1, and an audit entry", async () => {
    const body = {
      kind: "partner",
      country: "NO",
      officialCode: "4601",
      names: { local: "Bergen" },
      region: { code: "46", name: "Vestland" },
      capacity: 2,
    };
    const res = await app.request(
      "/api/v1/municipalities",
      send("POST", body, r.coordinator.headers),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    const created = await res.json();
    expect(created.municipality).toMatchObject({
      id: "no-4601",
      kind: "partner",
      capacity: 2,
      status: "published",
    });
    const audit = await rows<{ actor_id: string; action: string }>(
      t.db.orm,
      sql`SELECT actor_id, action FROM audit_log WHERE entity_id = 'no-4601'`,
    );
    expect(audit).toEqual([{ actor_id: r.coordinator.userId, action: "create" }]);
    const again = await app.request(
      "/api/v1/municipalities",
      send("POST", body, r.coordinator.headers),
    );
    expect(again.status).toBe(409);
  });

  it("rejects an invalid municipality with the failing fields", async () => {
    const res = await app.request(
      "/api/v1/municipalities",
      send(
        "POST",
        {
          kind: "partner",
          country: "SE",
          officialCode: "12",
          names: { local: "" },
          region: { code: "x", name: "y" },
          id: "x",
        },
        r.coordinator.headers,
      ),
    );
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.code).toBe("validation-failed");
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain("json.names.local");
    // The id is server-owned: sending one is an unrecognised key.
    expect(problem.errors.find((e: { path: string }) => e.path === "json")?.message).toMatch(
      /"id"/,
    );
  });

  it("lets the own editor PATCH with If-Match: version +1, ETag, audit with before and after", async () => {
    const { etag, profile } = await current(r.hromada.id);
    const res = await app.request(
      `/api/v1/municipalities/${r.hromada.id}`,
      send(
        "PATCH",
        { description: "Water and heating first.", workingLanguages: ["uk", "en"] },
        { ...r.hromadaEditor.headers, "if-match": etag },
      ),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${profile.version + 1}"`);
    const after = await current(r.hromada.id);
    expect(after.profile.municipality.description).toBe("Water and heating first.");
    expect(after.profile.version).toBe(profile.version + 1);
    const [audit] = await rows<{
      before: { description?: string };
      after: { description: string };
      actor_label: string;
    }>(
      t.db.orm,
      sql`SELECT before, after, actor_label FROM audit_log WHERE entity_id = ${r.hromada.id} AND action = 'update' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit?.after.description).toBe("Water and heating first.");
    expect(audit?.before.description).toBe(profile.municipality.description);
    expect(audit?.actor_label).toBe(r.hromadaEditor.actor.label);
  });

  it("answers 428 without If-Match and 412 with the current ETag when stale", async () => {
    const missing = await app.request(
      `/api/v1/municipalities/${r.hromada.id}`,
      send("PATCH", { description: "x" }, r.coordinator.headers),
    );
    expect(missing.status).toBe(428);
    expect((await missing.json()).code).toBe("precondition-required");
    const { etag } = await current(r.hromada.id);
    const stale = await app.request(
      `/api/v1/municipalities/${r.hromada.id}`,
      send("PATCH", { description: "x" }, { ...r.coordinator.headers, "if-match": '"999"' }),
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(etag);
    expect((await stale.json()).code).toBe("precondition-failed");
  });

  it("rejects a PATCH that makes the profile invalid, or changes identity, and leaves it untouched", async () => {
    const before = await current(r.hromada.id);
    for (const body of [{ population: -5 }, { country: "SE" }, { capacity: 3 }, {}]) {
      const res = await app.request(
        `/api/v1/municipalities/${r.hromada.id}`,
        send("PATCH", body, { ...r.coordinator.headers, "if-match": before.etag }),
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await current(r.hromada.id)).profile.version).toBe(before.profile.version);
  });

  it("names each invalid field with a code and parameters a client can word in any language", async () => {
    const { etag } = await current(r.partner.id);
    const res = await app.request(
      `/api/v1/municipalities/${r.partner.id}`,
      send(
        "PATCH",
        { description: "x".repeat(4001), website: "not a url", capacity: 1.5 },
        { ...r.partnerEditor.headers, "if-match": etag },
      ),
    );
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "json.description",
          code: "too-long",
          params: { max: 4000 },
        }),
        expect.objectContaining({ path: "json.website", code: "invalid-url" }),
        expect.objectContaining({ path: "json.capacity", code: "not-integer" }),
      ]),
    );
  });

  it("forbids another municipality's editor, and an editor changing status", async () => {
    const { etag } = await current(r.hromada.id);
    const other = await app.request(
      `/api/v1/municipalities/${r.hromada.id}`,
      send("PATCH", { description: "x" }, { ...r.partnerEditor.headers, "if-match": etag }),
    );
    expect(other.status).toBe(403);
    const publish = await app.request(
      `/api/v1/municipalities/${r.hromada.id}`,
      send("PATCH", { status: "draft" }, { ...r.hromadaEditor.headers, "if-match": etag }),
    );
    expect(publish.status).toBe(403);
  });

  it("applies exactly one of 20 concurrent PATCHes with the same If-Match; the rest get 412 and nothing is lost", async () => {
    const { etag, profile } = await current(r.partner.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.request(
          `/api/v1/municipalities/${r.partner.id}`,
          send(
            "PATCH",
            { description: `writer ${i}` },
            { ...r.partnerEditor.headers, "if-match": etag },
          ),
        ),
      ),
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = responses.findIndex((res) => res.status === 200);
    const after = await current(r.partner.id);
    expect(after.profile.version).toBe(profile.version + 1);
    expect(after.profile.municipality.description).toBe(`writer ${winner}`);
    const audits = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${r.partner.id} AND action = 'update' AND after->>'description' LIKE 'writer %'`,
    );
    expect(audits[0]?.n).toBe(1);
  });
});
