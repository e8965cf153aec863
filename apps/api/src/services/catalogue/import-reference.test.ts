import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MunicipalityPage } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../db/db";
import { PACKAGED_REFERENCE_DIR } from "../../reference-dir";
import { testApp, testContext } from "../../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../test/test-db";
import { importReference, importReferenceFolder, readReferenceFolder } from "./import-reference";

// The catalogue shipped with the product: these tests never skip.
const REFERENCE_DIR = PACKAGED_REFERENCE_DIR;

/** Sums a numeric column of a reference CSV straight from the file, without core's parser. */
function columnSum(file: string, column: string): number {
  const [header, ...lines] = readFileSync(join(REFERENCE_DIR, file), "utf8").trimEnd().split("\n");
  const index = (header ?? "").split(",").indexOf(column);
  // The numeric columns sit before any quoted text field in these files, so a plain split is safe.
  return lines.reduce((sum, line) => sum + Number(line.split(",")[index] || 0), 0);
}

describe.each(ENGINES)("importing the reference folder on %s", (engine) => {
  let t: TestDatabase;
  let first: Awaited<ReturnType<typeof importReferenceFolder>>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    first = await importReferenceFolder({
      ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }),
      dir: REFERENCE_DIR,
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("loads 1,470 Ukrainian, 290 Swedish and 357 Norwegian municipalities", async () => {
    const counts = await rows<{ country: string; n: number }>(
      t.db.orm,
      sql`SELECT country, count(*)::int AS n FROM municipalities GROUP BY country ORDER BY country`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.country, c.n]))).toEqual({
      NO: 357,
      SE: 290,
      UA: 1470,
    });
    expect(first.municipalities.inserted).toBe(1470 + 290 + 357);
  });

  it.each([
    ["UA", "ua-hromadas.csv", "population_2022"],
    ["SE", "se-kommuner.csv", "population_2024"],
    ["NO", "no-kommuner.csv", "population"],
  ])("keeps the %s population total of the file", async (country, file, column) => {
    const [row] = await rows<{ total: number }>(
      t.db.orm,
      sql`SELECT coalesce(sum(population), 0)::float8 AS total FROM municipalities WHERE country = ${country}`,
    );
    expect(row?.total).toBe(columnSum(file, column));
  });

  it("updates nothing and duplicates nothing when the same folder is imported again", async () => {
    const again = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-24T12:00:00.000Z") }),
      files: await readReferenceFolder(REFERENCE_DIR),
    });
    expect(again.municipalities).toEqual({ inserted: 0, updated: 0, unchanged: 1470 + 290 + 357 });
    expect(again.ties.inserted).toBe(0);
    const [row] = await rows<{ n: number; maxVersion: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n, max(version)::int AS "maxVersion" FROM municipalities`,
    );
    expect(row).toEqual({ n: 2117, maxVersion: 1 });
  });

  it("refreshes reference fields but keeps what people added", async () => {
    await t.db.orm.execute(sql`UPDATE municipalities
      SET data = jsonb_set(data, '{description}', '"Our own words"'), status = 'published'
      WHERE id = 'se-0780'`);
    const files = await readReferenceFolder(REFERENCE_DIR);
    const se = new TextDecoder()
      .decode(files["se-kommuner.csv"])
      .replace(
        /^0780,Växjö,([^,]*),([^,]*),([^,]*),(\d+)/m,
        (_m, a, b, c) => `0780,Växjö,${a},${b},${c},1`,
      );
    const changed = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-25T12:00:00.000Z") }),
      files: { "se-kommuner.csv": se },
    });
    expect(changed.municipalities.updated).toBe(1);
    const [row] = await rows<{ population: number; description: string; version: number }>(
      t.db.orm,
      sql`SELECT population, data->>'description' AS description, version FROM municipalities WHERE id = 'se-0780'`,
    );
    expect(row).toEqual({ population: 1, description: "Our own words", version: 2 });
  });

  it("finds Cherson, Кривий Ріг and Växjö among all of them", async () => {
    const app = testApp(t.db);
    for (const [q, id] of [
      ["Cherson", /^ua-/],
      ["Кривий Ріг", /^ua-/],
      ["Växjö", /^se-0780$/],
    ] as const) {
      const body = MunicipalityPage.parse(
        await (await app.request(`/api/v1/municipalities?q=${encodeURIComponent(q)}`)).json(),
      );
      expect(body.items[0]?.id, q).toMatch(id);
    }
  });
});
