import {
  MunicipalityFeatureCollection,
  MunicipalityPage,
  MunicipalityProfile,
  type MunicipalitySummary,
  Problem,
  REFERENCE_ATTRIBUTION,
  searchKey,
} from "@pobratym/core";
import { DEMO_DATASET } from "@pobratym/core/demo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../services/catalogue/seed-demo";
import { csvLines } from "../test/csv";
import { testApp, testContext } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const published = DEMO_DATASET.municipalities.filter(
  (m) => (m.status ?? "published") === "published",
);

describe.each(ENGINES)("the catalogue routes on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    expect(
      await seedDemo({ ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }) }),
    ).toBe(true);
    app = testApp(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function page(query: string) {
    const res = await app.request(`/api/v1/municipalities${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return MunicipalityPage.parse(await res.json());
  }

  async function all(query: string): Promise<MunicipalitySummary[]> {
    const sep = query ? "&" : "?";
    return (await page(`${query}${sep}limit=500`)).items;
  }

  it("lists every published demo municipality by default", async () => {
    const body = await page("?limit=500");
    expect(body.total).toBe(published.length);
    expect(body.items).toHaveLength(published.length);
    expect(body.nextCursor).toBeNull();
    expect(new Set(body.items.map((m) => m.status))).toEqual(new Set(["published"]));
  });

  it("refuses to list drafts to anonymous callers", async () => {
    const res = await app.request("/api/v1/municipalities?status=draft");
    expect(res.status).toBe(403);
    expect(Problem.parse(await res.json()).code).toBe("forbidden");
  });

  it("does not seed the demo twice", async () => {
    expect(
      await seedDemo({ ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }) }),
    ).toBe(false);
    expect((await page("?limit=1")).total).toBe(published.length);
  });

  it.each([
    ["Cherson", /kherson|херсон/i],
    ["Херсон", /kherson|херсон/i],
    ["Кривий Ріг", /kryv|крив/i],
    ["Krivoy Rog", /kryv|крив/i],
    // Read in other spelling systems: Russian-style г = g, and Swedish tj = ч.
    ["Kryvyi Rig", /kryv|крив/i],
    ["Kriwij Rig", /kryv|крив/i],
    ["Växjö", /växjö/i],
    ["vaxjo", /växjö/i],
  ])("finds %s across spellings and scripts", async (q, expected) => {
    const items = await all(`?q=${encodeURIComponent(q)}`);
    expect(items.length).toBeGreaterThan(0);
    const first = items[0];
    expect(first && Object.values(first.names).join(" ")).toMatch(expected);
  });

  it("ranks an exact name match before names that merely contain the query", async () => {
    const target = published[0];
    if (!target) throw new Error("empty demo");
    const items = await all(`?q=${encodeURIComponent(target.names.local)}`);
    expect(items[0]?.id).toBe(target.id);
  });

  it("matches nothing for a query with no letters or digits", async () => {
    expect((await page("?q=%21%21%21")).total).toBe(0);
  });

  it.each([
    ["country=SE", (m: MunicipalitySummary) => m.country === "SE"],
    ["country=SE,NO", (m: MunicipalitySummary) => m.country === "SE" || m.country === "NO"],
    ["kind=hromada", (m: MunicipalitySummary) => m.kind === "hromada"],
    ["kind=partner", (m: MunicipalitySummary) => m.kind === "partner"],
    [
      "situation=frontline,deoccupied",
      (m: MunicipalitySummary) => m.situation === "frontline" || m.situation === "deoccupied",
    ],
    ["minPopulation=100000", (m: MunicipalitySummary) => (m.population ?? -1) >= 100_000],
    [
      "maxPopulation=20000",
      (m: MunicipalitySummary) => m.population !== undefined && m.population <= 20_000,
    ],
    ["hasPartner=true", (m: MunicipalitySummary) => m.partnershipCount > 0],
    ["hasPartner=false", (m: MunicipalitySummary) => m.partnershipCount === 0],
  ])("filters by %s, and the filtered lists partition the catalogue", async (query, holds) => {
    const everything = await all("");
    const filtered = await all(`?${query}`);
    expect(filtered.every(holds)).toBe(true);
    expect(filtered.map((m) => m.id).sort()).toEqual(
      everything
        .filter(holds)
        .map((m) => m.id)
        .sort(),
    );
  });

  it("filters by region code or ISO code", async () => {
    const hromada = (await all("?kind=hromada"))[0];
    if (!hromada) throw new Error("no hromada in the demo");
    const iso = hromada.region.iso ?? hromada.region.code;
    const items = await all(`?region=${encodeURIComponent(iso)}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.region.iso === iso || m.region.code === iso)).toBe(true);
  });

  it("filters by cooperation area through needs and offers", async () => {
    const withArea = (await all("")).find((m) => m.areas.length > 0);
    if (!withArea) throw new Error("no needs or offers in the demo");
    const area = withArea.areas[0] as string;
    const items = await all(`?area=${area}`);
    expect(items.map((m) => m.id)).toContain(withArea.id);
    expect(items.every((m) => m.areas.includes(area as never))).toBe(true);
  });

  it("pages through every result exactly once with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: MunicipalityPage = await page(`?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((m) => m.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    expect(seen).toEqual((await all("")).map((m) => m.id));
    expect(new Set(seen).size).toBe(published.length);
  });

  it("pages a search in rank order", async () => {
    const full = await all("?q=a");
    const first = await page("?q=a&limit=2");
    const second = first.nextCursor ? await page(`?q=a&limit=2&cursor=${first.nextCursor}`) : first;
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(
      full.slice(0, 4).map((m) => m.id),
    );
  });

  it.each([
    ["garbage", "not-a-cursor"],
    ["bad base64", "%%%"],
    ["valid base64 of junk", Buffer.from("[1,2,3]").toString("base64url")],
    ["an edited cursor", "TAMPER"],
    ["a cursor from another query", "OTHER"],
  ])("rejects %s with a 400 problem", async (_name, raw) => {
    let cursor = raw;
    if (raw === "TAMPER" || raw === "OTHER") {
      const next = (await page("?limit=2")).nextCursor ?? "";
      if (raw === "TAMPER") {
        const decoded = Buffer.from(next, "base64url")
          .toString("utf8")
          .replace(/"[a-z]+-/, '"zz-');
        cursor = Buffer.from(decoded).toString("base64url");
      } else {
        const res = await app.request(`/api/v1/municipalities?limit=2&country=SE&cursor=${next}`);
        expect(res.status).toBe(400);
        return;
      }
    }
    const res = await app.request(
      `/api/v1/municipalities?limit=2&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(["invalid-cursor", "validation-failed"]).toContain(Problem.parse(await res.json()).code);
  });

  it("returns GeoJSON points of administrative centres, lon before lat", async () => {
    const res = await app.request("/api/v1/municipalities?format=geojson&country=UA");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    const body = MunicipalityFeatureCollection.parse(await res.json());
    const list = await all("?country=UA");
    expect(body.features.length).toBe(list.filter((m) => m.centre).length);
    for (const f of body.features) {
      const m = list.find((x) => x.id === f.id);
      expect(f.geometry.coordinates).toEqual([m?.centre?.lon, m?.centre?.lat]);
      expect(f.properties).not.toHaveProperty("contacts");
    }
    // The attribution the licences require travels with the data, as a top-level member.
    expect(body.attribution).toBe(REFERENCE_ATTRIBUTION);
  });

  it("returns CSV with a header and one line per match", async () => {
    const res = await app.request("/api/v1/municipalities?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csvLines(await res.text());
    expect(lines[0]).toMatch(/^id,kind,country,official_code,name_local/);
    expect(lines.length - 1).toBe(published.length);
  });

  describe("GET /api/v1/municipalities/{id}", () => {
    it("returns the profile with needs, offers, ties and partnerships, and its version as ETag", async () => {
      const withNeeds = Object.keys(DEMO_DATASET.needs).find((id) =>
        published.some((m) => m.id === id),
      );
      if (!withNeeds) throw new Error("no demo municipality with needs");
      const res = await app.request(`/api/v1/municipalities/${withNeeds}`);
      expect(res.status).toBe(200);
      const body = MunicipalityProfile.parse(await res.json());
      expect(body.municipality.id).toBe(withNeeds);
      expect(body.needs.map((n) => n.id).sort()).toEqual(
        (DEMO_DATASET.needs[withNeeds] ?? []).map((n) => n.id).sort(),
      );
      expect(res.headers.get("etag")).toBe(`"${body.version}"`);
    });

    it("shows a partnership with its stage history on both sides", async () => {
      const p = DEMO_DATASET.partnerships[0];
      if (!p) return expect(DEMO_DATASET.partnerships).toEqual([]);
      for (const id of [p.hromadaId, ...p.partnerIds]) {
        const body = MunicipalityProfile.parse(
          await (await app.request(`/api/v1/municipalities/${id}`)).json(),
        );
        const found = body.partnerships.find((x) => x.id === p.id);
        // Stored as timestamptz, so compare instants rather than their spelling.
        const instants = (h: { at: string }[] | undefined) =>
          h?.map((e) => ({ ...e, at: Date.parse(e.at) }));
        expect(instants(found?.history)).toEqual(instants(p.history));
      }
    });

    it("never includes contact persons", async () => {
      for (const m of published) {
        const text = await (await app.request(`/api/v1/municipalities/${m.id}`)).text();
        expect(text).not.toMatch(/"contacts"/);
        for (const c of m.contacts ?? []) {
          if (c.email) expect(text).not.toContain(c.email);
          expect(text).not.toContain(c.name);
        }
      }
    });

    it("answers 404 for an unknown id", async () => {
      const res = await app.request("/api/v1/municipalities/se-9999");
      expect(res.status).toBe(404);
      expect(Problem.parse(await res.json()).code).toBe("not-found");
    });

    it("keeps search keys in step with the names they come from", async () => {
      const m = published[0];
      if (!m) throw new Error("empty demo");
      const items = MunicipalityPage.parse(
        await (
          await app.request(
            `/api/v1/municipalities?q=${encodeURIComponent(searchKey(m.names.local))}`,
          )
        ).json(),
      ).items;
      expect(items.map((x) => x.id)).toContain(m.id);
    });
  });
});
