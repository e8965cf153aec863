import {
  isReviewCountryTie,
  Municipality,
  municipalityId,
  needsReview,
  Problem,
  type Tie,
  TiePage,
  TieReview,
  TieSummary,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { upsertMunicipalities } from "../services/catalogue/upsert-municipalities";
import { insertTies } from "../services/catalogue/upsert-ties";
import { createRoleSet, type RoleSet } from "../test/auth";
import { csvLines } from "../test/csv";
import { TEST_NOW, testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("ties on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  let zhytomyr: Municipality;
  const seeded: Tie[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    r = await createRoleSet(t.db);
    zhytomyr = Municipality.parse({
      id: municipalityId("UA", "UA18040410000036700"),
      kind: "hromada",
      country: "UA",
      officialCode: "UA18040410000036700",
      names: { local: "Житомирська громада", latin: "Zhytomyrska hromada" },
      region: { code: "UA18000000000090000", name: "Житомирська область", iso: "UA-18" },
      situation: { category: "rear" },
    });
    await upsertMunicipalities({
      tx: t.db.orm,
      municipalities: [zhytomyr],
      source: "manual",
      now: TEST_NOW.toISOString(),
    });
    const tie = (
      id: string,
      foreignTown: string,
      foreignCountry: string,
      status: Tie["status"],
      mid = zhytomyr.id,
    ): Tie => ({
      id,
      municipalityId: mid,
      foreignTown,
      foreignCountry,
      type: "twin-town",
      status,
    });
    seeded.push(
      tie("tie-a", "Kursk", "RU", "active"),
      tie("tie-b", "Brest", "BY", "terminated"),
      tie("tie-c", "Kalisz", "PL", "active"),
      tie("tie-d", "Orel", "RU", "under-review", r.hromada.id),
      tie("tie-e", "Mogilev", "BY", "frozen", r.hromada.id),
      tie("tie-f", "Växjö", "SE", "active", r.hromada.id),
    );
    await insertTies({ tx: t.db.orm, ties: seeded, now: TEST_NOW.toISOString() });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function problem(res: Response, status: number, code?: string) {
    expect(res.status, await res.clone().text()).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    if (code) expect(body.code).toBe(code);
    return body;
  }

  async function list(query: string) {
    const res = await app.request(`/api/v1/ties${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return TiePage.parse(await res.json());
  }

  describe("GET /ties", () => {
    it("lists every tie with its municipality and core's review flags", async () => {
      const page = await list("?limit=500");
      expect(page.total).toBeGreaterThanOrEqual(seeded.length);
      for (const s of page.items) {
        expect(s.reviewCountry).toBe(isReviewCountryTie(s.tie));
        expect(s.needsReview).toBe(needsReview(s.tie));
      }
      expect(page.items.find((s) => s.tie.id === "tie-a")?.municipality.name).toBe(
        "Zhytomyrska hromada",
      );
    });

    it.each([
      ["review=true", (s: TieSummary) => isReviewCountryTie(s.tie)],
      ["review=false", (s: TieSummary) => !isReviewCountryTie(s.tie)],
      ["country=RU,PL", (s: TieSummary) => ["RU", "PL"].includes(s.tie.foreignCountry)],
      ["status=active", (s: TieSummary) => s.tie.status === "active"],
    ])("filters by %s", async (query, predicate) => {
      const all = (await list("?limit=500")).items;
      const filtered = (await list(`?${query}&limit=500`)).items;
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.map((s) => s.tie.id)).toEqual(all.filter(predicate).map((s) => s.tie.id));
    });

    it("filters by municipality and pages through every tie once", async () => {
      expect(
        (await list(`?municipalityId=${zhytomyr.id}`)).items.map((s) => s.tie.id).sort(),
      ).toEqual(["tie-a", "tie-b", "tie-c"]);
      const all = await list("?limit=500");
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: TiePage = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.items.map((s) => s.tie.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((s) => s.tie.id));
    });

    it("rejects bad filters and cursors with 400 problems", async () => {
      await problem(await app.request("/api/v1/ties?status=gone"), 400, "validation-failed");
      await problem(await app.request("/api/v1/ties?review=yes"), 400, "validation-failed");
      await problem(await app.request("/api/v1/ties?cursor=abc"), 400, "invalid-cursor");
    });

    it("exports CSV with a BOM as an attachment", async () => {
      const res = await app.request("/api/v1/ties?format=csv&review=true");
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="ties.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split("\r\n")[0]).toMatch(/^id,municipality_id,municipality,/);
      expect(text).toContain("Kursk");
      expect(text).not.toContain("Kalisz");
      expect(csvLines(text).length).toBeGreaterThan(1);
    });
  });

  describe("GET /ties/review", () => {
    it("lists ties with Russian and Belarusian towns, undecided first, with counts per status", async () => {
      const res = await app.request("/api/v1/ties/review");
      expect(res.status).toBe(200);
      const body = TieReview.parse(await res.json());
      expect(body.items.every((s) => s.reviewCountry)).toBe(true);
      const ids = body.items.map((s) => s.tie.id);
      expect(ids.slice(0, 2).sort()).toEqual(["tie-a", "tie-d"]);
      expect(ids.indexOf("tie-e")).toBeLessThan(ids.indexOf("tie-b"));
      expect(Object.fromEntries(body.counts.map((c) => [c.status, c.count]))).toMatchObject({
        "under-review": 1,
        active: 1,
        frozen: 1,
        terminated: 1,
      });
      const pending = TieReview.parse(
        await (await app.request("/api/v1/ties/review?pending=true")).json(),
      );
      expect(pending.items.map((s) => s.tie.id).sort()).toEqual(["tie-a", "tie-d"]);
    });

    it("gives the region's Latin name where the municipality's region has one", async () => {
      const before = TieReview.parse(await (await app.request("/api/v1/ties/review")).json());
      const id = before.items[0]?.municipality.id ?? "";
      expect(before.items.every((s) => s.municipality.regionLatin === undefined)).toBe(true);
      await t.db.orm.execute(
        sql`UPDATE municipalities SET data = jsonb_set(data, '{region,nameLatin}', '"Lvivska"') WHERE id = ${id}`,
      );
      const after = TieReview.parse(await (await app.request("/api/v1/ties/review")).json());
      for (const s of after.items) {
        expect(s.municipality.regionLatin).toBe(s.municipality.id === id ? "Lvivska" : undefined);
      }
    });

    it("rejects unknown parameters", async () => {
      await problem(await app.request("/api/v1/ties/review?limit=5"), 400, "validation-failed");
    });
  });

  describe("POST /municipalities/{id}/ties", () => {
    const url = (id: string) => `/api/v1/municipalities/${id}/ties`;

    it("records a tie for the municipality's own editor, with an audit entry", async () => {
      const res = await app.request(
        url(r.hromada.id),
        json(
          "POST",
          { foreignTown: "Lund", foreignCountry: "SE", since: 2023 },
          r.hromadaEditor.headers,
        ),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      expect(res.headers.get("etag")).toBe('"1"');
      const body = TieSummary.parse(await res.json());
      expect(body.tie).toMatchObject({
        municipalityId: r.hromada.id,
        foreignTown: "Lund",
        type: "twin-town",
        status: "active",
      });
      const audit = await rows<{ actor_id: string }>(
        t.db.orm,
        sql`SELECT actor_id FROM audit_log WHERE entity_type = 'tie' AND entity_id = ${body.tie.id} AND action = 'create'`,
      );
      expect(audit).toEqual([{ actor_id: r.hromadaEditor.userId }]);
    });

    it("answers 409 for a second tie with the same town, and 404 for an unknown municipality", async () => {
      const body = { foreignTown: "Kalisz", foreignCountry: "PL" };
      await problem(
        await app.request(url(zhytomyr.id), json("POST", body, r.coordinator.headers)),
        409,
        "conflict",
      );
      await problem(
        await app.request(url("ua-nowhere"), json("POST", body, r.coordinator.headers)),
        404,
        "not-found",
      );
    });

    it.each([
      ["an unknown country", { foreignTown: "X", foreignCountry: "XX" }],
      ["an empty town", { foreignTown: " ", foreignCountry: "SE" }],
      ["an unknown field", { foreignTown: "X", foreignCountry: "SE", municipalityId: "other" }],
    ])("rejects %s with a 400 problem", async (_name, body) => {
      await problem(
        await app.request(url(r.hromada.id), json("POST", body, r.coordinator.headers)),
        400,
        "validation-failed",
      );
    });

    it("answers 401 to anonymous callers and 403 to another municipality's editor", async () => {
      const body = { foreignTown: "Umeå", foreignCountry: "SE" };
      await problem(await app.request(url(r.hromada.id), json("POST", body)), 401, "unauthorized");
      await problem(
        await app.request(url(r.hromada.id), json("POST", body, r.partnerEditor.headers)),
        403,
        "forbidden",
      );
    });
  });

  describe("PATCH /ties/{id}", () => {
    const patch = (id: string, body: unknown, headers: Record<string, string>) =>
      app.request(`/api/v1/ties/${id}`, json("PATCH", body, headers));

    it("records a review decision, bumps the version and writes an audit entry", async () => {
      const res = await patch(
        "tie-d",
        { status: "frozen", decisionDate: "2026-03-01", decision: "Council froze the tie." },
        { ...r.hromadaEditor.headers, "if-match": '"1"' },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get("etag")).toBe('"2"');
      const body = TieSummary.parse(await res.json());
      expect(body.tie).toMatchObject({
        status: "frozen",
        decisionDate: "2026-03-01",
        decision: "Council froze the tie.",
      });
      expect(body.needsReview).toBe(false);
      const cleared = await patch(
        "tie-d",
        { decision: null },
        { ...r.coordinator.headers, "if-match": '"2"' },
      );
      expect(TieSummary.parse(await cleared.json()).tie.decision).toBeUndefined();
      const audit = await rows<{ n: number }>(
        t.db.orm,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'tie' AND entity_id = 'tie-d' AND action = 'review'`,
      );
      expect(audit[0]?.n).toBe(2);
    });

    it("answers 412 when stale, 428 without If-Match and 404 for an unknown tie", async () => {
      await problem(
        await patch("tie-a", { status: "frozen" }, { ...r.coordinator.headers, "if-match": '"9"' }),
        412,
      );
      await problem(await patch("tie-a", { status: "frozen" }, r.coordinator.headers), 428);
      await problem(
        await patch(
          "tie-zzz",
          { status: "frozen" },
          { ...r.coordinator.headers, "if-match": '"1"' },
        ),
        404,
      );
    });

    it.each([
      ["an empty body", {}],
      ["an unknown status", { status: "gone" }],
      ["a bad date", { decisionDate: "1 March" }],
      ["an unknown field", { foreignTown: "Moscow" }],
    ])("rejects %s with a 400 problem", async (_name, body) => {
      await problem(
        await patch("tie-a", body, { ...r.coordinator.headers, "if-match": '"1"' }),
        400,
        "validation-failed",
      );
    });

    it("answers 401 to anonymous callers and 403 to another municipality's editor", async () => {
      await problem(await patch("tie-a", { status: "frozen" }, { "if-match": '"1"' }), 401);
      await problem(
        await patch(
          "tie-a",
          { status: "frozen" },
          { ...r.hromadaEditor.headers, "if-match": '"1"' },
        ),
        403,
      );
    });
  });
});
