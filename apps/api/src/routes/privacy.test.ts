import { ErasureSummary, PersonalDataExport } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createRoleSet, createTestUser, type RoleSet, sampleQuestionnaire } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("privacy export and erasure on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let app: ReturnType<typeof testApp>;
  const email = "Maria.Person@example.org";
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("exports and then erases every record about a person, keeping a pseudonymous audit trail", async () => {
    const maria = await createTestUser(t.db, {
      role: "editor",
      municipalityId: r.hromada.id,
      email,
      name: "Maria Person",
    });
    // She edits her profile (audit entries), is a contact person, and filled in a questionnaire.
    const etag =
      (await app.request(`/api/v1/municipalities/${r.hromada.id}`)).headers.get("etag") ?? "";
    const patch = await app.request(`/api/v1/municipalities/${r.hromada.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...maria.headers, "if-match": etag },
      body: JSON.stringify({ description: "Edited by its editor" }),
    });
    expect(patch.status).toBe(200);
    const contact = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/contacts`,
      post({ name: "Maria Person", email: email.toLowerCase() }, maria.headers),
    );
    expect(contact.status).toBe(201);
    expect(
      (await app.request("/api/v1/questionnaires", post(sampleQuestionnaire({ email })))).status,
    ).toBe(201);

    const own = await app.request(`/api/v1/privacy/export?email=${encodeURIComponent(email)}`, {
      headers: maria.headers,
    });
    expect(own.status, await own.clone().text()).toBe(200);
    const data = PersonalDataExport.parse(await own.json());
    expect(data.user).toMatchObject({ email, name: "Maria Person" });
    expect(JSON.stringify(data)).not.toMatch(/pbkdf2|token_hash|password/i);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.contacts).toHaveLength(1);
    expect(data.questionnaires).toHaveLength(1);
    expect(data.auditEntries.map((a) => a.action)).toEqual(
      expect.arrayContaining(["update", "create"]),
    );

    const erased = await app.request(
      "/api/v1/privacy/erase",
      post({ email: email.toUpperCase() }, r.coordinator.headers),
    );
    expect(erased.status, await erased.clone().text()).toBe(200);
    const summary = ErasureSummary.parse(await erased.json());
    expect(summary).toMatchObject({ users: 1, contacts: 1, questionnaires: 1 });
    expect(summary.auditEntries).toBeGreaterThanOrEqual(2);

    // Nothing identifies her any more, anywhere.
    const after = PersonalDataExport.parse(
      await (
        await app.request(`/api/v1/privacy/export?email=${encodeURIComponent(email)}`, {
          headers: r.coordinator.headers,
        })
      ).json(),
    );
    expect(after).toMatchObject({
      user: null,
      sessions: [],
      invites: [],
      contacts: [],
      questionnaires: [],
      auditEntries: [],
    });
    const leftovers = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT ((SELECT count(*) FROM audit_log WHERE before::text ILIKE '%maria%' OR after::text ILIKE '%maria%' OR actor_label ILIKE '%maria%')
        + (SELECT count(*) FROM questionnaires WHERE data::text ILIKE '%maria%'))::int AS n`,
    );
    expect(leftovers[0]?.n).toBe(0);
    const pseudonymous = await rows<{ actor_label: string }>(
      t.db.orm,
      sql`SELECT actor_label FROM audit_log WHERE entity_id = ${r.hromada.id} AND action = 'update'`,
    );
    expect(pseudonymous.map((a) => a.actor_label)).toEqual([
      expect.stringMatching(/^erased-[0-9a-f]{12}$/),
    ]);
    expect((await app.request("/api/v1/auth/me", { headers: maria.headers })).status).toBe(401);
  });

  it("puts the pseudonym in the partnership histories the person wrote, and only there", async () => {
    const erin = await createTestUser(t.db, {
      role: "editor",
      municipalityId: r.hromada.id,
      email: "erin.editor@example.org",
      name: "Erin Editor",
    });
    // Someone else with the same display name, who must keep theirs.
    const namesake = await createTestUser(t.db, {
      role: "coordinator",
      email: "erin.two@example.org",
      name: "Erin Editor",
    });
    // Two agreements between one pair: at most one open partnership per pair and type.
    const partnership = async (agreementType: string) => {
      const res = await app.request(
        "/api/v1/partnerships",
        post(
          {
            hromadaId: r.hromada.id,
            partnerIds: [r.partner.id],
            agreementType,
          },
          r.coordinator.headers,
        ),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { partnership: { id: string } }).partnership.id;
    };
    const hers = await partnership("letter-of-intent");
    const theirs = await partnership("twin-town");
    for (const [id, who] of [
      [hers, erin],
      [theirs, namesake],
    ] as const) {
      const moved = await app.request(
        `/api/v1/partnerships/${id}/moves`,
        post({ to: "contact" }, { ...who.headers, "if-match": '"1"' }),
      );
      expect(moved.status, await moved.clone().text()).toBe(200);
    }
    const erased = await app.request(
      "/api/v1/privacy/erase",
      post({ email: "erin.editor@example.org" }, r.coordinator.headers),
    );
    expect(erased.status, await erased.clone().text()).toBe(200);
    expect(ErasureSummary.parse(await erased.json()).stageChanges).toBe(1);
    const history = async (id: string) => {
      const res = await app.request(`/api/v1/partnerships/${id}`, {
        headers: r.coordinator.headers,
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { partnership: { history: { by: string }[] } };
      return body.partnership.history.map((h) => h.by);
    };
    expect((await history(hers)).at(-1)).toMatch(/^erased-[0-9a-f]{12}$/);
    expect((await history(theirs)).at(-1)).toBe("Erin Editor");
    const stored = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT ((SELECT count(*) FROM partnership_events WHERE partnership_id = ${hers} AND by ILIKE '%erin%')
        + (SELECT count(*) FROM partnerships WHERE id = ${hers} AND data::text ILIKE '%erin%'))::int AS n`,
    );
    expect(stored[0]?.n).toBe(0);
  });

  it("lets an editor export only their own data, and only coordinators erase", async () => {
    const other = await app.request(
      `/api/v1/privacy/export?email=${encodeURIComponent(r.coordinator.email)}`,
      { headers: r.hromadaEditor.headers },
    );
    expect(other.status).toBe(403);
    expect((await app.request("/api/v1/privacy/export?email=a@example.org")).status).toBe(401);
    expect(
      (
        await app.request(
          "/api/v1/privacy/erase",
          post({ email: r.hromadaEditor.email }, r.hromadaEditor.headers),
        )
      ).status,
    ).toBe(403);
  });

  it("rejects a malformed email", async () => {
    const res = await app.request(
      "/api/v1/privacy/erase",
      post({ email: "nope" }, r.coordinator.headers),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain("json.email");
  });
});
