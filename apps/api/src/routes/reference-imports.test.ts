import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Problem, ReferenceImportList, ReferenceImportReport } from "@pobratym/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGED_REFERENCE_DIR } from "../reference-dir";
import { importReference } from "../services/catalogue/import-reference";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp, testContext } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const file = (name: string) => readFileSync(join(PACKAGED_REFERENCE_DIR, name));

describe.each(ENGINES)("the reference import report on %s", (engine) => {
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

  const get = (path: string, headers: Record<string, string> = r.coordinator.headers) =>
    app.request(`/api/v1/reference/imports${path}`, { headers });

  it("answers 404 while nothing was imported", async () => {
    const res = await get("/latest");
    expect(res.status).toBe(404);
    expect(Problem.parse(await res.json()).code).toBe("not-found");
    expect(ReferenceImportList.parse(await (await get("")).json()).items).toEqual([]);
  });

  it("shows an applied import's warnings with file, row and field", async () => {
    // Sweden with the twin-town list: towns of Ukraine and Norway, not loaded, stay unresolved.
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }),
      files: {
        "se-kommuner.csv": file("se-kommuner.csv"),
        "twinnings-wikipedia-ua-se-no.csv": file("twinnings-wikipedia-ua-se-no.csv"),
      },
    });
    const res = await get("/latest");
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const report = ReferenceImportReport.parse(await res.json());
    expect(report.import).toMatchObject({ outcome: "applied", errorCount: 0 });
    expect(report.warnings.length).toBe(report.import.warningCount);
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings[0]).toMatchObject({
      file: "twinnings-wikipedia-ua-se-no.csv",
      row: expect.any(Number),
      field: expect.any(String),
    });
  });

  it("shows why an import was refused, with the failing file, row and field", async () => {
    const se = new TextDecoder()
      .decode(file("se-kommuner.csv"))
      .replace(/^(0780,Växjö,[^,]*,[^,]*,[^,]*),\d+/m, "$1,0");
    await expect(
      importReference({
        ctx: testContext(t.db, { now: new Date("2026-11-24T12:00:00.000Z") }),
        files: { "se-kommuner.csv": se },
      }),
    ).rejects.toThrow(/refused/);
    const list = ReferenceImportList.parse(await (await get("")).json());
    expect(list.items.map((i) => i.outcome)).toEqual(["refused", "applied"]);
    const report = ReferenceImportReport.parse(await (await get(`/${list.items[0]?.id}`)).json());
    expect(report.import.message).toMatch(/^refused the reference import/);
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: "se-kommuner.csv",
        code: "impossible-value",
        field: "population_2024",
        row: expect.any(Number),
      }),
    ]);
  });

  it("rejects a malformed id with 400 and an unknown one with 404", async () => {
    expect((await get("/abc")).status).toBe(400);
    expect((await get("/0")).status).toBe(400);
    expect((await get("/999999")).status).toBe(404);
  });

  it("is for coordinators only", async () => {
    expect((await get("/latest", {})).status).toBe(401);
    expect((await get("", r.hromadaEditor.headers)).status).toBe(403);
    expect((await get("/latest", r.partnerEditor.headers)).status).toBe(403);
  });
});
