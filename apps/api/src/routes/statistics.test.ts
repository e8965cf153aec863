import {
  Municipality,
  municipalityId,
  Need,
  type Partnership,
  Problem,
  Statistics,
  StatisticsRows,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertNeeds } from "../services/catalogue/insert-activity";
import { upsertMunicipalities } from "../services/catalogue/upsert-municipalities";
import { withTransaction } from "../services/context";
import { insertPartnership } from "../services/partnerships/insert-partnership";
import { csvLines } from "../test/csv";
import { TEST_NOW, testApp, testContext } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const hromada = (
  code: string,
  latin: string,
  oblast: { code: string; name: string; iso: string; nameLatin: string },
) =>
  Municipality.parse({
    id: municipalityId("UA", code),
    kind: "hromada",
    country: "UA",
    officialCode: code,
    names: { local: latin, latin },
    region: oblast,
    situation: { category: "rear" },
  });
const partner = (country: string, code: string, name: string, capacity: number) =>
  Municipality.parse({
    id: municipalityId(country, code),
    kind: "partner",
    country,
    officialCode: code,
    names: { local: name },
    region: { code: "01", name: "Region" },
    capacity,
  });

const LVIV = {
  code: "UA46000000000000000",
  name: "Львівська область",
  iso: "UA-46",
  nameLatin: "Lviv Oblast",
};
const ODESA = {
  code: "UA51000000000000000",
  name: "Одеська область",
  iso: "UA-51",
  nameLatin: "Odesa Oblast",
};
const h1 = hromada("UA46000000000000001", "Alpha", LVIV);
const h2 = hromada("UA46000000000000002", "Beta", LVIV);
const h3 = hromada("UA51000000000000003", "Gamma", ODESA);
const se = partner("SE", "0780", "Växjö", 2);
const no = partner("NO", "4601", "Bergen", 1);
const de = partner("DE", "09162000", "München", 3);

const at = (iso: string, stages: Partnership["stage"][]): Partnership["history"] =>
  stages.map((to, i) => ({
    from: i === 0 ? null : (stages[i - 1] ?? null),
    to,
    at: iso,
    by: "seed",
  }));

const partnerships: Partnership[] = [
  {
    id: "p1",
    hromadaId: h1.id,
    partnerIds: [se.id, no.id],
    agreementType: "municipal-partnership",
    areas: ["education", "health"],
    funding: ["icld", "ks"],
    stage: "active",
    history: at("2024-03-05T10:00:00.000Z", ["interest"]).concat(
      at("2025-01-05T10:00:00.000Z", ["interest", "contact"]).slice(1),
    ),
  },
  {
    id: "p2",
    hromadaId: h2.id,
    partnerIds: [se.id],
    agreementType: "letter-of-intent",
    areas: ["education"],
    funding: [],
    stage: "interest",
    history: at("2024-03-20T10:00:00.000Z", ["interest"]),
  },
  {
    id: "p3",
    hromadaId: h3.id,
    partnerIds: [de.id],
    agreementType: "twin-town",
    areas: ["energy-heating"],
    funding: ["eu-cemr"],
    stage: "ended",
    history: at("2025-07-01T10:00:00.000Z", ["interest"]),
  },
];
// Keep each history consistent with its stage, as core's Partnership schema demands.
for (const p of partnerships) {
  const last = p.history.at(-1);
  if (last) last.to = p.stage;
}

describe.each(ENGINES)("GET /statistics on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    const now = TEST_NOW.toISOString();
    await upsertMunicipalities({
      tx: t.db.orm,
      municipalities: [h1, h2, h3, se, no, de],
      source: "manual",
      now,
    });
    await insertNeeds({
      tx: t.db.orm,
      needs: {
        [h2.id]: [
          Need.parse({ id: "n1", area: "education", horizon: "long-term" }),
          Need.parse({ id: "n2", area: "health", horizon: "short-term" }),
        ],
        [h1.id]: [Need.parse({ id: "n3", area: "waste", horizon: "long-term" })],
        [h3.id]: [Need.parse({ id: "n4", area: "waste", horizon: "long-term", status: "met" })],
      },
      now,
    });
    const ctx = testContext(t.db);
    await withTransaction(ctx, async (tx) => {
      for (const p of partnerships) await insertPartnership({ tx, ctx, input: p, as: "seed" });
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function stats(): Promise<Statistics> {
    const res = await app.request("/api/v1/statistics");
    expect(res.status, await res.clone().text()).toBe(200);
    return Statistics.parse(await res.json());
  }

  it("counts hromadas with and without a partner per oblast, with oblast names", async () => {
    const s = await stats();
    expect(s.hromadasByOblast).toEqual([
      {
        regionCode: LVIV.code,
        regionIso: "UA-46",
        name: LVIV.name,
        nameLatin: "Lviv Oblast",
        // One definition of "has a partner" for statistics and the waiting list: h2 is only at
        // `interest`, so it waits and does not count as partnered (h1 does).
        hromadas: 2,
        withPartner: 1,
        withoutPartner: 1,
      },
      {
        regionCode: ODESA.code,
        regionIso: "UA-51",
        name: ODESA.name,
        nameLatin: "Odesa Oblast",
        hromadas: 1,
        withPartner: 0,
        withoutPartner: 1,
      },
    ]);
  });

  it("counts partnerships by stage, and open ones by area, partner country and funding", async () => {
    const s = await stats();
    expect(s.partnershipsByStage.filter((x) => x.count > 0)).toEqual([
      { stage: "interest", count: 1 },
      { stage: "active", count: 1 },
      { stage: "ended", count: 1 },
    ]);
    expect(s.partnershipsByStage).toHaveLength(9);
    expect(s.partnershipsByArea).toEqual([
      { area: "education", count: 2 },
      { area: "health", count: 1 },
    ]);
    expect(s.partnershipsByCountry).toEqual([
      { country: "SE", count: 2 },
      { country: "NO", count: 1 },
    ]);
    expect(s.partnershipsByFunding).toEqual([
      { funding: "icld", count: 1 },
      { funding: "ks", count: 1 },
      { funding: "none", count: 1 },
    ]);
  });

  it("counts partnerships started per year and month from their first recorded stage", async () => {
    const s = await stats();
    expect(s.startedPerYear).toEqual([
      { period: "2024", count: 2 },
      { period: "2025", count: 1 },
    ]);
    expect(s.startedPerMonth).toEqual([
      { period: "2024-03", count: 2 },
      { period: "2025-07", count: 1 },
    ]);
  });

  it("lists the waiting hromadas and the partners with spare capacity", async () => {
    const s = await stats();
    // h1 has an active partnership; h3's only need is met: only h2 (at `interest`) waits.
    expect(s.waitingList.hromadas).toEqual([
      { id: h2.id, name: "Beta", region: LVIV.name, openNeeds: 2, areas: ["education", "health"] },
    ]);
    expect(s.waitingList.partners).toEqual([
      { id: de.id, name: "München", country: "DE", capacity: 3, openPartnerships: 0, spare: 3 },
    ]);
  });

  it("counts offers per area both ways: what hromadas offer back and what partners offer", async () => {
    const at = TEST_NOW.toISOString();
    const offer = (id: string, municipalityId: string, area: string) =>
      sql`INSERT INTO offers (id, municipality_id, area, experience, data, version, created_at, updated_at)
          VALUES (${id}, ${municipalityId}, ${area}, 'expert',
            ${JSON.stringify({ id, area, experience: "expert", resources: ["expertise"], description: "" })}::jsonb,
            1, ${at}::timestamptz, ${at}::timestamptz)`;
    await t.db.orm.execute(offer("o-h1", h1.id, "crisis-preparedness"));
    await t.db.orm.execute(offer("o-h2", h2.id, "crisis-preparedness"));
    await t.db.orm.execute(offer("o-se", se.id, "crisis-preparedness"));
    await t.db.orm.execute(offer("o-no", no.id, "waste"));
    const s = await stats();
    expect(s.offersByArea).toEqual([
      { area: "crisis-preparedness", hromadas: 2, partners: 1 },
      { area: "waste", hromadas: 0, partners: 1 },
    ]);
    await t.db.orm.execute(sql`DELETE FROM offers WHERE id IN ('o-h1', 'o-h2', 'o-se', 'o-no')`);
  });

  it("serves one table as JSON rows or CSV", async () => {
    const res = await app.request("/api/v1/statistics/partnerships-by-country");
    expect(StatisticsRows.parse(await res.json()).rows).toEqual([
      { country: "SE", count: 2 },
      { country: "NO", count: 1 },
    ]);
    const csv = await app.request("/api/v1/statistics/hromadas-by-oblast?format=csv");
    expect(csv.headers.get("content-disposition")).toBe(
      'attachment; filename="hromadas-by-oblast.csv"',
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(
      "region_code,region_iso,oblast,oblast_latin,hromadas,with_partner,without_partner",
    );
    expect(text).toContain(`${ODESA.code},UA-51,${ODESA.name},Odesa Oblast,1,0,1`);
    expect(csvLines(text)[0]).toMatch(/^region_code,/);
  });

  it("rejects an unknown table or parameter with a 400 problem", async () => {
    for (const url of [
      "/api/v1/statistics/salaries",
      "/api/v1/statistics?who=me",
      "/api/v1/statistics/started-per-year?format=xml",
    ]) {
      const res = await app.request(url);
      expect(res.status).toBe(400);
      expect(Problem.parse(await res.json()).code).toBe("validation-failed");
    }
  });

  it("is public and carries no personal data", async () => {
    const text = await (await app.request("/api/v1/statistics")).text();
    expect(text).not.toMatch(/@|seed|contact_persons/);
  });
});
