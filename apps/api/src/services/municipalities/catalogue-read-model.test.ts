import { MunicipalityListQuery } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../db/db";
import { createRoleSet, type RoleSet } from "../../test/auth";
import { testApp, testContext } from "../../test/test-app";
import { createTestDatabase, type TestDatabase } from "../../test/test-db";
import { seedDemo } from "../catalogue/seed-demo";
import { compareC, listMunicipalitiesFromMemory } from "./catalogue-read-model";
import { listMunicipalities } from "./list-municipalities";

describe("catalogue read model (PGlite)", () => {
  let t: TestDatabase;
  let r: RoleSet;
  let countries: string[] = [];
  let regions: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    expect(await seedDemo({ ctx: testContext(t.db) })).toBe(true);
    r = await createRoleSet(t.db);
    // A draft too, so the status filter has something to find.
    await t.db.orm.execute(
      sql`UPDATE municipalities SET status = 'draft' WHERE id = ${r.partner.id}`,
    );
    countries = (
      await rows<{ c: string }>(t.db.orm, sql`SELECT DISTINCT country AS c FROM municipalities`)
    ).map((x) => x.c);
    regions = (
      await rows<{ c: string }>(
        t.db.orm,
        sql`SELECT DISTINCT region_code AS c FROM municipalities LIMIT 6`,
      )
    ).map((x) => x.c);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('orders strings as COLLATE "C" does (code points, shorter prefix first)', () => {
    const cases: [string, string][] = [
      ["a", "b"],
      ["a", "ab"],
      ["Z", "a"],
      ["\uffff", "😀"],
      ["z", "é"],
    ];
    for (const [a, b] of cases) expect(compareC(a, b)).toBeLessThan(0);
    expect(compareC("x", "x")).toBe(0);
  });

  it("answers every list query with the same pages, totals and cursors as the SQL", async () => {
    // Many filter combinations from a seeded generator (fast-check is not a dependency here).
    let seed = 20261123;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const some = (xs: readonly string[]) =>
      xs.filter(() => next() < 0.5).join(",") || (xs[0] ?? "");
    const options: Record<string, () => string> = {
      q: () => pick(["a", "ch", "kherson", "Херсон", "o", "berg", "!!", "Kyiv", "sk", "i"]),
      kind: () => pick(["hromada", "partner"]),
      country: () => some(countries),
      region: () => some(regions),
      situation: () => pick(["frontline", "rear", "occupied,deoccupied"]),
      area: () => pick(["education", "water-sanitation,energy-heating", "health,youth-culture"]),
      hasPartner: () => pick(["true", "false"]),
      minPopulation: () => pick(["1000", "20000"]),
      maxPopulation: () => pick(["50000", "300000"]),
      status: () => pick(["draft", "published", "published"]),
    };
    let nonEmpty = 0;
    let paged = 0;
    for (let run = 0; run < 80; run++) {
      const params: Record<string, string> = { limit: String(1 + Math.floor(next() * 7)) };
      for (const [name, make] of Object.entries(options)) if (next() < 0.3) params[name] = make();
      const query = MunicipalityListQuery.parse(params);
      let cursor: string | undefined;
      for (let page = 0; page < 40; page++) {
        const q = { ...query, ...(cursor ? { cursor } : {}) };
        const [fromSql, fromMemory] = await Promise.all([
          listMunicipalities({ db: t.db.orm, query: q }),
          listMunicipalitiesFromMemory({ db: t.db, query: q }),
        ]);
        expect(fromMemory, JSON.stringify(q)).toEqual(fromSql);
        if (fromSql.items.length > 0) nonEmpty++;
        if (!fromSql.nextCursor) break;
        paged++;
        cursor = fromSql.nextCursor;
      }
      const all = await listMunicipalitiesFromMemory({ db: t.db, query, all: true });
      expect(all).toEqual(await listMunicipalities({ db: t.db.orm, query, all: true }));
    }
    // The generator must reach real pages, not only empty lists.
    expect(nonEmpty).toBeGreaterThan(40);
    expect(paged).toBeGreaterThan(20);
  });

  it("sees a write made through the app on the next request", async () => {
    const app = testApp(t.db);
    const search = async () =>
      ((await (await app.request("/api/v1/municipalities?q=tromsoya")).json()) as { total: number })
        .total;
    expect(await search()).toBe(0);
    const res = await app.request("/api/v1/municipalities", {
      method: "POST",
      headers: { ...r.coordinator.headers, "content-type": "application/json" },
      body: JSON.stringify({
        kind: "partner",
        country: "NO",
        officialCode: "5599",
        names: { local: "Tromsøya" },
        region: { code: "55", name: "Troms" },
        capacity: 1,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await search()).toBe(1);
  });
});
