import {
  allowedMoves,
  isDormant,
  Municipality,
  municipalityId,
  type Partnership,
  PartnershipDetail,
  PartnershipPage,
  Problem,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { upsertMunicipalities } from "../services/catalogue/upsert-municipalities";
import { withTransaction } from "../services/context";
import { insertPartnership } from "../services/partnerships/insert-partnership";
import { createRoleSet, createTestMunicipality, createTestUser, type RoleSet } from "../test/auth";
import { csvLines } from "../test/csv";
import { TEST_NOW, testApp, testContext } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const URL = "/api/v1/partnerships";
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("partnerships on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  let norway: Municipality;
  let outsider: Awaited<ReturnType<typeof createTestUser>>;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    r = await createRoleSet(t.db);
    norway = Municipality.parse({
      id: municipalityId("NO", "4601"),
      kind: "partner",
      country: "NO",
      officialCode: "4601",
      names: { local: "=Bergen" },
      region: { code: "46", name: "Vestland" },
      capacity: 2,
    });
    await upsertMunicipalities({
      tx: t.db.orm,
      municipalities: [norway],
      source: "manual",
      now: TEST_NOW.toISOString(),
    });
    const other = await createTestMunicipality(t.db, { kind: "hromada" });
    outsider = await createTestUser(t.db, { role: "editor", municipalityId: other.id });
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

  /**
   * Records a partnership between a new hromada and partner (`parties`, with an editor of each):
   * there is at most one open partnership per pair and agreement type.
   */
  async function create(body: Record<string, unknown> = {}) {
    const parties = await createRoleSet(t.db);
    const res = await app.request(
      URL,
      json(
        {
          hromadaId: parties.hromada.id,
          partnerIds: [parties.partner.id],
          agreementType: "municipal-partnership",
          ...body,
        },
        r.coordinator.headers,
      ),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    return { res, body: PartnershipDetail.parse(await res.json()), parties };
  }

  async function count(table: string): Promise<number> {
    const [row] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
    );
    return row?.n ?? 0;
  }

  describe("POST /partnerships", () => {
    it("records the partnership, its partners, its first stage event and an audit entry", async () => {
      const { res, body, parties } = await create({
        areas: ["water-sanitation"],
        funding: ["icld"],
      });
      const id = body.partnership.id;
      expect(res.headers.get("etag")).toBe('"1"');
      expect(res.headers.get("location")).toBe(`${URL}/${id}`);
      expect(body.partnership).toMatchObject({
        hromadaId: parties.hromada.id,
        partnerIds: [parties.partner.id],
        stage: "interest",
      });
      expect(body.partnership.history).toEqual([
        { from: null, to: "interest", at: TEST_NOW.toISOString(), by: r.coordinator.actor.label },
      ]);
      expect(body.allowedMoves).toEqual([...allowedMoves("interest")]);
      const audit = await rows<{ actor_id: string; action: string }>(
        t.db.orm,
        sql`SELECT actor_id, action FROM audit_log WHERE entity_type = 'partnership' AND entity_id = ${id}`,
      );
      expect(audit).toEqual([{ actor_id: r.coordinator.userId, action: "create" }]);
      const events = await rows<{ n: number }>(
        t.db.orm,
        sql`SELECT count(*)::int AS n FROM partnership_events WHERE partnership_id = ${id}`,
      );
      expect(events[0]?.n).toBe(1);
    });

    it.each([
      ["the hromada is a partner", () => ({ hromadaId: r.partner.id }), "hromadaId"],
      ["a partner is a hromada", () => ({ partnerIds: [r.hromada.id] }), "partnerIds.0"],
      [
        "a partner does not exist",
        () => ({ partnerIds: [r.partner.id, "se-nowhere"] }),
        "partnerIds.1",
      ],
    ])("answers 422 and writes nothing when %s", async (_name, patch, path) => {
      const before = [
        await count("partnerships"),
        await count("partnership_events"),
        await count("audit_log"),
      ];
      const res = await app.request(
        URL,
        json(
          {
            hromadaId: r.hromada.id,
            partnerIds: [r.partner.id],
            agreementType: "twin-town",
            ...patch(),
          },
          r.coordinator.headers,
        ),
      );
      const body = await problem(res, 422, "unprocessable");
      expect(body.errors?.map((e) => e.path)).toContain(path);
      expect([
        await count("partnerships"),
        await count("partnership_events"),
        await count("audit_log"),
      ]).toEqual(before);
    });

    it.each([
      ["no partners", { partnerIds: [] }],
      ["an unknown field", { colour: "blue" }],
      ["an unknown agreement type", { agreementType: "marriage" }],
      ["duplicate partners", { partnerIds: ["a", "a"] }],
    ])("rejects %s with a 400 problem", async (_name, patch) => {
      const res = await app.request(
        URL,
        json(
          {
            hromadaId: r.hromada.id,
            partnerIds: [r.partner.id],
            agreementType: "twin-town",
            ...patch,
          },
          r.coordinator.headers,
        ),
      );
      await problem(res, 400, "validation-failed");
    });

    it("answers 401 to anonymous callers and 403 to editors", async () => {
      const body = {
        hromadaId: r.hromada.id,
        partnerIds: [r.partner.id],
        agreementType: "twin-town",
      };
      await problem(await app.request(URL, json(body)), 401, "unauthorized");
      await problem(await app.request(URL, json(body, r.hromadaEditor.headers)), 403, "forbidden");
    });
  });

  describe("GET /partnerships/{id}", () => {
    it("returns the partnership with its history and ETag", async () => {
      const { body: created, parties } = await create();
      const res = await app.request(`${URL}/${created.partnership.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe('"1"');
      const body = PartnershipDetail.parse(await res.json());
      expect(body.partnership.history).toHaveLength(1);
      expect(body.hromada.id).toBe(parties.hromada.id);
      expect(body.partners.map((p) => p.id)).toEqual([parties.partner.id]);
    });

    it("answers 404 for an unknown id and 400 for a malformed one", async () => {
      await problem(await app.request(`${URL}/no-such-partnership`), 404, "not-found");
      await problem(await app.request(`${URL}/bad%20id`), 400, "validation-failed");
    });
  });

  describe("POST /partnerships/{id}/moves", () => {
    const move = (id: string, to: string, headers: Record<string, string>, ifMatch?: string) =>
      app.request(
        `${URL}/${id}/moves`,
        json({ to }, ifMatch === undefined ? headers : { ...headers, "if-match": ifMatch }),
      );

    it("advances one stage, records who and when, and bumps the ETag", async () => {
      const { body: created } = await create();
      const id = created.partnership.id;
      const res = await app.request(
        `${URL}/${id}/moves`,
        json(
          { to: "contact", note: "first call" },
          { ...r.coordinator.headers, "if-match": '"1"' },
        ),
      );
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get("etag")).toBe('"2"');
      const body = PartnershipDetail.parse(await res.json());
      expect(body.partnership.stage).toBe("contact");
      expect(body.partnership.history.at(-1)).toEqual({
        from: "interest",
        to: "contact",
        at: TEST_NOW.toISOString(),
        by: r.coordinator.actor.label,
        note: "first call",
      });
      const back = await move(id, "interest", r.coordinator.headers, '"2"');
      expect(back.status).toBe(200);
      expect(
        PartnershipDetail.parse(await back.json()).partnership.history.map((e) => e.to),
      ).toEqual(["interest", "contact", "interest"]);
    });

    it("lets an editor of one of its municipalities move it", async () => {
      const { body: created, parties } = await create();
      expect(
        (await move(created.partnership.id, "contact", parties.partnerEditor.headers, '"1"'))
          .status,
      ).toBe(200);
      expect(
        (
          await move(
            created.partnership.id,
            "letter-of-intent",
            parties.hromadaEditor.headers,
            '"2"',
          )
        ).status,
      ).toBe(200);
    });

    it("answers 409 listing the allowed moves for an illegal move", async () => {
      const { body: created } = await create();
      const body = await problem(
        await move(created.partnership.id, "active", r.coordinator.headers, '"1"'),
        409,
        "illegal-transition",
      );
      expect(body.allowed).toEqual([...allowedMoves("interest")]);
    });

    it("answers 412 when the If-Match is stale and 428 when it is missing", async () => {
      const { body: created } = await create();
      const id = created.partnership.id;
      await problem(await move(id, "contact", r.coordinator.headers), 428, "precondition-required");
      await problem(
        await move(id, "contact", r.coordinator.headers, '"7"'),
        412,
        "precondition-failed",
      );
      await problem(
        await move(id, "contact", r.coordinator.headers, "garbage"),
        412,
        "precondition-failed",
      );
      expect((await move(id, "contact", r.coordinator.headers, "*")).status).toBe(200);
    });

    it("lets only one of two concurrent moves from the same version win", async () => {
      const { body: created, parties } = await create();
      const id = created.partnership.id;
      const results = await Promise.all([
        move(id, "contact", r.coordinator.headers, '"1"'),
        move(id, "ended", parties.hromadaEditor.headers, '"1"'),
      ]);
      expect(results.map((x) => x.status).sort()).toEqual([200, 412]);
      const detail = PartnershipDetail.parse(await (await app.request(`${URL}/${id}`)).json());
      expect(detail.partnership.history).toHaveLength(2);
      expect(detail.version).toBe(2);
    });

    it("answers 401, 403 and 404 to the wrong callers and ids", async () => {
      const { body: created } = await create();
      await problem(await move(created.partnership.id, "contact", {}, '"1"'), 401, "unauthorized");
      await problem(
        await move(created.partnership.id, "contact", outsider.headers, '"1"'),
        403,
        "forbidden",
      );
      await problem(
        await move("no-such-partnership", "contact", r.coordinator.headers, '"1"'),
        404,
        "not-found",
      );
    });

    it("rejects an unknown stage with a 400 problem", async () => {
      const { body: created } = await create();
      await problem(
        await move(created.partnership.id, "married", r.coordinator.headers, '"1"'),
        400,
        "validation-failed",
      );
    });
  });

  describe("GET /partnerships", () => {
    let norwegian: string;
    let old: Partnership;
    beforeAll(async () => {
      norwegian = (await create({ partnerIds: [norway.id], areas: ["education"], funding: ["ks"] }))
        .body.partnership.id;
      old = {
        id: "old-partnership",
        hromadaId: r.hromada.id,
        partnerIds: [r.partner.id],
        agreementType: "twin-town",
        areas: ["youth-culture"],
        funding: [],
        stage: "contact",
        history: [
          { from: null, to: "interest", at: "2025-01-10T09:00:00.000Z", by: "import" },
          { from: "interest", to: "contact", at: "2025-02-10T09:00:00.000Z", by: "import" },
        ],
      };
      const ctx = testContext(t.db);
      await withTransaction(ctx, (tx) => insertPartnership({ tx, ctx, input: old }));
    });

    async function list(query: string) {
      const res = await app.request(`${URL}${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return PartnershipPage.parse(await res.json());
    }

    it.each([
      ["stage=contact", (p: PartnershipPage["items"][number]) => p.stage === "contact"],
      [
        "country=NO",
        (p: PartnershipPage["items"][number]) => p.partners.some((x) => x.country === "NO"),
      ],
      ["area=education", (p: PartnershipPage["items"][number]) => p.areas.includes("education")],
      [
        "funding=ks,icld",
        (p: PartnershipPage["items"][number]) =>
          p.funding.includes("ks") || p.funding.includes("icld"),
      ],
    ])("filters by %s", async (query, predicate) => {
      const everything = (await list("?limit=500")).items;
      const filtered = (await list(`?${query}&limit=500`)).items;
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.map((p) => p.id).sort()).toEqual(
        everything
          .filter(predicate)
          .map((p) => p.id)
          .sort(),
      );
    });

    it("filters by hromada and by partner", async () => {
      expect((await list(`?partnerId=${norway.id}`)).items.map((p) => p.id)).toEqual([norwegian]);
      const ofHromada = await list(`?hromadaId=${r.hromada.id}&limit=500`);
      expect(ofHromada.items.every((p) => p.hromada.id === r.hromada.id)).toBe(true);
      expect((await list("?hromadaId=nobody")).total).toBe(0);
    });

    it("flags dormant partnerships as core isDormant does, and filters on the flag", async () => {
      const all = (await list("?limit=500")).items;
      const oldItem = all.find((p) => p.id === old.id);
      expect(oldItem?.dormant).toBe(true);
      expect(all.filter((p) => p.id !== old.id).every((p) => !p.dormant)).toBe(true);
      const cutoff = new Date(TEST_NOW);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - 6);
      expect(isDormant(old, cutoff.toISOString())).toBe(true);
      expect((await list("?dormant=true")).items.map((p) => p.id)).toEqual([old.id]);
      expect((await list("?dormant=true&dormantMonths=24")).items).toEqual([]);
      expect((await list("?dormant=false&limit=500")).total).toBe(all.length - 1);
    });

    it("pages through every partnership exactly once", async () => {
      const everything = await list("?limit=500");
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: PartnershipPage = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(everything.items.map((p) => p.id));
      expect(new Set(seen).size).toBe(everything.total);
    });

    it("rejects a cursor from another query and unknown parameters", async () => {
      const first = await list("?limit=1");
      expect(first.nextCursor).not.toBeNull();
      await problem(
        await app.request(`${URL}?limit=1&stage=contact&cursor=${first.nextCursor}`),
        400,
        "invalid-cursor",
      );
      await problem(await app.request(`${URL}?colour=blue`), 400, "validation-failed");
      await problem(await app.request(`${URL}?stage=married`), 400, "validation-failed");
      await problem(await app.request(`${URL}?dormantMonths=0`), 400, "validation-failed");
    });

    it("exports CSV for spreadsheets: BOM, attachment, formula cells defused", async () => {
      const res = await app.request(`${URL}?format=csv&partnerId=${norway.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(
        'attachment; filename="partnerships.csv"',
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = csvLines(text);
      expect(lines[0]).toMatch(/^id,hromada_id,hromada,/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(",'=Bergen,");
      expect(lines[1]).not.toContain(",=Bergen");
    });
  });
});
