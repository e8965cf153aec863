import { AcceptRoundResult, PartnershipDetail, Problem, RoundDetail } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../db/db";
import { createTestMunicipality, createTestUser, type TestUser } from "../../test/auth";
import { testApp } from "../../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../test/test-db";
import { addNeed, addPartner } from "../matching/fixtures.test-helpers";

const post = (body: unknown, headers: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

// One open partnership per hromada, partner and agreement type, whichever path creates it and
// however many requests race for it (on PostgreSQL they really run at the same time).
describe.each(ENGINES)("one open partnership per pair and type on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let coordinator: TestUser;
  const hromadas: string[] = [];
  const partners: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    coordinator = await createTestUser(t.db, { role: "coordinator" });
    for (let i = 0; i < 10; i++) {
      const h = await createTestMunicipality(t.db, { kind: "hromada" });
      hromadas.push(h.id);
      await addNeed(t.db, h.id, "health", "critical");
      partners.push(await addPartner(t.db, { capacity: 1, offers: [{ area: "health" }] }));
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const countBetween = async (hromadaId: string) =>
    (
      await rows<{ n: number }>(
        t.db.orm,
        sql`SELECT count(*)::int AS n FROM partnerships WHERE hromada_id = ${hromadaId}`,
      )
    )[0]?.n;

  it("answers parallel creates of the same partnership with one 201 and 409s naming it", async () => {
    const body = {
      hromadaId: hromadas[0],
      partnerIds: [partners[0]],
      agreementType: "twin-town",
      areas: ["health"],
      stage: "contact",
    };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.request("/api/v1/partnerships", post(body, coordinator.headers)),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const created = responses.find((r) => r.status === 201);
    const { partnership } = PartnershipDetail.parse(await created?.json());
    for (const res of responses.filter((r) => r.status === 409)) {
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = Problem.parse(await res.json());
      expect(problem.code).toBe("conflict");
      expect(problem.existingId).toBe(partnership.id);
    }
    expect(await countBetween(hromadas[0] ?? "")).toBe(1);
  });

  it("allows a second agreement of another type between the same pair, and a new one after the first ended", async () => {
    const base = { hromadaId: hromadas[1], partnerIds: [partners[1]], areas: ["health"] };
    const twin = await app.request(
      "/api/v1/partnerships",
      post({ ...base, agreementType: "twin-town", stage: "contact" }, coordinator.headers),
    );
    expect(twin.status, await twin.clone().text()).toBe(201);
    const icld = await app.request(
      "/api/v1/partnerships",
      post(
        { ...base, agreementType: "municipal-partnership", stage: "contact" },
        coordinator.headers,
      ),
    );
    expect(icld.status, await icld.clone().text()).toBe(201);
    // The twin-town agreement ends; a new one of that type may then be recorded.
    const first = PartnershipDetail.parse(await twin.json());
    const ended = await app.request(`/api/v1/partnerships/${first.partnership.id}/moves`, {
      ...post({ to: "ended" }, coordinator.headers),
      headers: {
        ...coordinator.headers,
        "content-type": "application/json",
        "if-match": `"${first.version}"`,
      },
    });
    expect(ended.status, await ended.clone().text()).toBe(200);
    const again = await app.request(
      "/api/v1/partnerships",
      post({ ...base, agreementType: "twin-town", stage: "contact" }, coordinator.headers),
    );
    expect(again.status, await again.clone().text()).toBe(201);
    expect(await countBetween(hromadas[1] ?? "")).toBe(3);
  });

  it("makes one partnership per pair when two rounds proposing the same pairs are accepted at once", async () => {
    const scope = { hromadas: { ids: hromadas.slice(2) }, partners: { ids: partners.slice(2) } };
    const plan = async () => {
      const res = await app.request("/api/v1/rounds", post(scope, coordinator.headers));
      expect(res.status, await res.clone().text()).toBe(201);
      return RoundDetail.parse(await res.json());
    };
    const [a, b] = [await plan(), await plan()];
    const pairs = (r: RoundDetail) =>
      r.proposals.map((p) => `${p.hromada.id} ${p.partner.id}`).sort();
    expect(a.proposals.length).toBe(8);
    expect(pairs(b)).toEqual(pairs(a));

    const results = await Promise.all(
      [a, b].map(async (round) => {
        const res = await app.request(
          `/api/v1/rounds/${round.id}/accept`,
          post({ all: true }, coordinator.headers),
        );
        expect(res.status, await res.clone().text()).toBe(200);
        return AcceptRoundResult.parse(await res.json());
      }),
    );
    const [count] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM partnerships WHERE hromada_id = ANY(${sql.param(hromadas.slice(2))}::text[])`,
    );
    expect(count?.n).toBe(8);
    // Each pair is new in one round and already accepted, with the same partnership, in the other.
    const accepted = results.flatMap((r) => r.accepted);
    const already = results.flatMap((r) => r.alreadyAccepted);
    expect(accepted).toHaveLength(8);
    expect(already).toHaveLength(8);
    const byPair = new Map(accepted.map((p) => [`${p.hromadaId} ${p.partnerId}`, p.partnershipId]));
    for (const p of already)
      expect(p.partnershipId).toBe(byPair.get(`${p.hromadaId} ${p.partnerId}`));
  });
});
