import { MunicipalityProfile, QuestionnaireReview, QuestionnaireSubmission } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import {
  createRoleSet,
  createTestMunicipality,
  type RoleSet,
  sampleQuestionnaire,
} from "../test/auth";
import { csvLines } from "../test/csv";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";
import { QUESTIONNAIRE_LIMIT } from "./questionnaires";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("questionnaires on %s", (engine) => {
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

  async function submit(answers = sampleQuestionnaire(), ip = "198.51.100.1") {
    const res = await app.request(
      "/api/v1/questionnaires",
      post(answers, { "x-forwarded-for": ip }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    return QuestionnaireSubmission.parse(await res.json());
  }

  it("stores an anonymous submission as a draft that the public catalogue does not show", async () => {
    const q = await submit();
    expect(q.status).toBe("submitted");
    const id = q.municipalityId ?? "";
    expect((await app.request(`/api/v1/municipalities/${id}`)).status).toBe(404);
    const list = await (
      await app.request(
        `/api/v1/municipalities?q=${encodeURIComponent(q.answers.municipality.name)}`,
      )
    ).json();
    expect(list.items).toEqual([]);
    const drafts = await app.request("/api/v1/municipalities?status=draft&limit=500", {
      headers: r.coordinator.headers,
    });
    expect(drafts.status).toBe(200);
    expect((await drafts.json()).items.map((m: { id: string }) => m.id)).toContain(id);
    const review = await app.request("/api/v1/questionnaires?status=submitted", {
      headers: r.coordinator.headers,
    });
    expect((await review.json()).items.map((s: { id: string }) => s.id)).toContain(q.id);
  });

  it("approves: publishes the profile, its offers and contact in one go", async () => {
    const q = await submit();
    const res = await app.request(`/api/v1/questionnaires/${q.id}/approve`, {
      method: "POST",
      headers: r.coordinator.headers,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(QuestionnaireSubmission.parse(await res.json()).status).toBe("accepted");
    const profile = MunicipalityProfile.parse(
      await (
        await app.request(`/api/v1/municipalities/${q.municipalityId}`, {
          headers: r.coordinator.headers,
        })
      ).json(),
    );
    expect(profile.municipality).toMatchObject({
      status: "published",
      kind: "partner",
      politicalDecision: true,
    });
    expect(profile.offers.map((o) => o.area).sort()).toEqual([
      "energy-heating",
      "water-sanitation",
    ]);
    expect(profile.contacts?.map((c) => c.email)).toEqual([q.answers.contact.email]);
    const again = await app.request(`/api/v1/questionnaires/${q.id}/approve`, {
      method: "POST",
      headers: r.coordinator.headers,
    });
    expect(again.status).toBe(409);
  });

  it("rejects: the unused draft profile disappears", async () => {
    const q = await submit();
    const res = await app.request(
      `/api/v1/questionnaires/${q.id}/reject`,
      post({ note: "duplicate" }, r.coordinator.headers),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const left = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM municipalities WHERE id = ${q.municipalityId}`,
    );
    expect(left[0]?.n).toBe(0);
  });

  it("answers the same pending answers again with that submission, not a duplicate", async () => {
    const answers = sampleQuestionnaire();
    const first = await submit(answers);
    const again = await app.request(
      "/api/v1/questionnaires",
      post(answers, { "x-forwarded-for": "198.51.100.2" }),
    );
    expect(again.status, await again.clone().text()).toBe(200);
    expect(QuestionnaireSubmission.parse(await again.json()).id).toBe(first.id);
    // Changed answers are a new submission for coordinators to compare.
    const changed = await submit({ ...answers, motivation: "Also schools." });
    expect(changed.id).not.toBe(first.id);
    const pending = await app.request("/api/v1/questionnaires?status=submitted", {
      headers: r.coordinator.headers,
    });
    const ids = ((await pending.json()) as { items: { id: string }[] }).items.map((q) => q.id);
    expect(ids.filter((id) => id === first.id || id === changed.id)).toHaveLength(2);
    // Once reviewed, the same answers may be sent again.
    const rejected = await app.request(`/api/v1/questionnaires/${first.id}/reject`, {
      ...post({}, r.coordinator.headers),
    });
    expect(rejected.status).toBe(200);
    expect((await submit(answers)).id).not.toBe(first.id);
  });

  describe("a submission that names one municipality with another's code", () => {
    async function addPartner(code: string, name: string, aliases?: string[]) {
      const res = await app.request(
        "/api/v1/municipalities",
        post(
          {
            kind: "partner",
            country: "NO",
            officialCode: code,
            names: { local: name, ...(aliases ? { aliases } : {}) },
            region: { code: "03", name: "Oslo" },
            capacity: 1,
            description: `The real ${name}.`,
          },
          r.coordinator.headers,
        ),
      );
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const norwegian = (name: string, officialCode: string) => {
      const answers = sampleQuestionnaire({ name });
      return {
        ...answers,
        municipality: {
          ...answers.municipality,
          country: "NO",
          officialCode,
          region: { code: "55", name: "Troms" },
        },
      };
    };
    const review = async (id: string, query = "") => {
      const res = await app.request(`/api/v1/questionnaires/${id}/review${query}`, {
        headers: r.coordinator.headers,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return QuestionnaireReview.parse(await res.json());
    };
    const approve = (id: string, body?: unknown) =>
      app.request(`/api/v1/questionnaires/${id}/approve`, {
        method: "POST",
        headers: {
          ...r.coordinator.headers,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    beforeAll(async () => {
      await addPartner("0301", "Oslo", ["Christiania"]);
      await addPartner("5501", "Tromsø");
    });

    it("is flagged on review and refused on approval; Oslo's profile stays as it was", async () => {
      const q = await submit(norwegian("Tromsø", "0301"), "192.0.2.11");
      expect(q.municipalityId).toBe("no-0301");
      const seen = await review(q.id);
      expect(seen.submission.answers.municipality.name).toBe("Tromsø");
      expect(seen.target?.names.local).toBe("Oslo");
      expect(seen.mismatches).toEqual(["name"]);
      expect(seen.changes.map((c) => c.field)).toContain("description");
      const res = await approve(q.id);
      expect(res.status).toBe(422);
      const problem = await res.json();
      expect(problem.code).toBe("questionnaire-mismatch");
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: "municipality.name", code: "name" }),
      ]);
      const oslo = MunicipalityProfile.parse(
        await (await app.request("/api/v1/municipalities/no-0301")).json(),
      );
      expect(oslo.municipality.description).toBe("The real Oslo.");
      expect(oslo.offers).toEqual([]);
      const still = await app.request(`/api/v1/questionnaires/${q.id}`, {
        headers: r.coordinator.headers,
      });
      expect((await still.json()).status).toBe("submitted");
    });

    it("is approved into the municipality the coordinator picks, with the diff shown first", async () => {
      const q = await submit(norwegian("Tromsø", "0301"), "192.0.2.12");
      const picked = await review(q.id, "?municipalityId=no-5501");
      expect(picked).toMatchObject({ chosen: true, mismatches: [] });
      expect(picked.target?.names.local).toBe("Tromsø");
      expect(picked.changes).toContainEqual({
        field: "description",
        before: "The real Tromsø.",
        after: q.answers.motivation,
      });
      const res = await approve(q.id, { municipalityId: "no-5501" });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(QuestionnaireSubmission.parse(await res.json()).municipalityId).toBe("no-5501");
      const tromso = MunicipalityProfile.parse(
        await (await app.request("/api/v1/municipalities/no-5501")).json(),
      );
      expect(tromso.municipality.description).toBe(q.answers.motivation);
      expect(tromso.offers.map((o) => o.id).sort()).toEqual([
        "no-5501-energy-heating",
        "no-5501-water-sanitation",
      ]);
      const oslo = MunicipalityProfile.parse(
        await (await app.request("/api/v1/municipalities/no-0301")).json(),
      );
      expect(oslo.municipality.description).toBe("The real Oslo.");
    });

    it("matches an alias in any spelling and approves without a pick", async () => {
      const q = await submit(norwegian("CHRISTIANIA", "0301"), "192.0.2.13");
      expect((await review(q.id)).mismatches).toEqual([]);
      expect((await approve(q.id)).status).toBe(200);
    });

    it("refuses a hromada even when the coordinator picks it", async () => {
      const hromada = await createTestMunicipality(t.db, { kind: "hromada" });
      const q = await submit(norwegian("Tromsø", "5501"), "192.0.2.14");
      expect((await review(q.id, `?municipalityId=${hromada.id}`)).mismatches).toEqual(["kind"]);
      const res = await approve(q.id, { municipalityId: hromada.id });
      expect(res.status).toBe(422);
      expect((await res.json()).code).toBe("questionnaire-mismatch");
    });

    it("refuses a malformed pick and lets only coordinators review", async () => {
      const q = await submit(norwegian("Tromsø", "5501"), "192.0.2.15");
      expect((await approve(q.id, { municipalityId: "no 5501!" })).status).toBe(400);
      expect((await approve(q.id, { municipalityId: "no-5501", extra: 1 })).status).toBe(400);
      expect((await app.request(`/api/v1/questionnaires/${q.id}/review`)).status).toBe(401);
      expect(
        (
          await app.request(`/api/v1/questionnaires/${q.id}/review`, {
            headers: r.partnerEditor.headers,
          })
        ).status,
      ).toBe(403);
    });
  });

  it("rejects an invalid questionnaire with the failing fields", async () => {
    const answers = { ...sampleQuestionnaire(), expertise: [], languages: [] };
    const res = await app.request("/api/v1/questionnaires", post(answers));
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["json.expertise", "json.languages"]));
  });

  it("exports the review list as CSV for coordinators only, never cached", async () => {
    // A name a spreadsheet would mangle: a comma, quotes, a newline and a leading `=`.
    const q = await submit(sampleQuestionnaire({ name: '=Kalk, "Nord"\nheim' }));
    const listed = await app.request("/api/v1/questionnaires?status=submitted", {
      headers: r.coordinator.headers,
    });
    const items = (await listed.json()).items as QuestionnaireSubmission[];
    const res = await app.request("/api/v1/questionnaires?status=submitted&format=csv", {
      headers: r.coordinator.headers,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="questionnaires.csv"',
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Rows end in CRLF; the name's newline is a bare LF inside its quoted cell.
    const lines = csvLines(new TextDecoder().decode(bytes.slice(3)));
    expect(lines[0]).toMatch(/^id,status,submitted_at,reviewed_at,municipality_id,country,/);
    expect(lines[0]).toContain(",contact_name,contact_role,contact_email,");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(items.map((s) => s.id));
    const row = lines.find((l) => l.startsWith(`${q.id},`)) ?? "";
    expect(row).toContain(
      `,submitted,${q.submittedAt},,${q.municipalityId},DE,${q.answers.municipality.officialCode},` +
        `"'=Kalk, ""Nord""\nheim",,Bayern,24000,Anna Beispiel,,${q.answers.contact.email},`,
    );
    expect(row).toContain(",water-sanitation (expert); energy-heating (experienced),");

    const url = "/api/v1/questionnaires?format=csv";
    expect((await app.request(url)).status).toBe(401);
    expect((await app.request(url, { headers: r.partnerEditor.headers })).status).toBe(403);
    const bad = await app.request("/api/v1/questionnaires?format=xml", {
      headers: r.coordinator.headers,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await bad.json()).code).toBe("validation-failed");
  });

  it("lets only coordinators list, approve and reject", async () => {
    const q = await submit();
    expect((await app.request("/api/v1/questionnaires")).status).toBe(401);
    expect(
      (await app.request("/api/v1/questionnaires", { headers: r.partnerEditor.headers })).status,
    ).toBe(403);
    expect(
      (
        await app.request(`/api/v1/questionnaires/${q.id}/approve`, {
          method: "POST",
          headers: r.partnerEditor.headers,
        })
      ).status,
    ).toBe(403);
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "answers a country named %j with a validation error, not a 500",
    async (country) => {
      const answers = sampleQuestionnaire();
      const res = await app.request(
        "/api/v1/questionnaires",
        post(
          { ...answers, municipality: { ...answers.municipality, country } },
          r.coordinator.headers,
        ),
      );
      expect(res.status).toBe(400);
      const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(["json.municipality.country"]);
    },
  );

  it(`limits anonymous submissions to ${QUESTIONNAIRE_LIMIT.submissions} an hour per client address`, async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < QUESTIONNAIRE_LIMIT.submissions; i++)
      await submit(sampleQuestionnaire(), ip);
    const res = await app.request(
      "/api/v1/questionnaires",
      post(sampleQuestionnaire(), { "x-forwarded-for": ip }),
    );
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
