import { MunicipalityProfile } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../db/db";
import { PACKAGED_REFERENCE_DIR } from "../../reference-dir";
import { createTestUser, type TestUser } from "../../test/auth";
import { testApp, testContext } from "../../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../test/test-db";
import { importReference, readReferenceFolder } from "./import-reference";

// Bakhmut: front line in the 2022 lists; people correct it with a dated source.
const BAKHMUT = "ua-UA14020010000088496";
const VAXJO = "se-0780";

// Whole-catalogue imports: slow on a loaded machine, so generous limits.
const SLOW = { timeout: 300_000 };

describe.each(ENGINES)("hand edits and the reference import on %s", SLOW, (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let coordinator: TestUser;
  let files: Record<string, Uint8Array>;
  let hromada: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    files = await readReferenceFolder(PACKAGED_REFERENCE_DIR);
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }),
      files,
    });
    hromada = BAKHMUT;
    coordinator = await createTestUser(t.db, { role: "coordinator" });
    app = testApp(t.db);
  }, SLOW.timeout);
  afterAll(async () => {
    await t?.dispose();
  });

  const profile = async (id: string) => {
    const res = await app.request(`/api/v1/municipalities/${id}`, {
      headers: coordinator.headers,
    });
    expect(res.status).toBe(200);
    return {
      etag: res.headers.get("etag") ?? "",
      body: MunicipalityProfile.parse(await res.json()),
    };
  };
  const patch = async (id: string, body: unknown) => {
    const { etag } = await profile(id);
    const res = await app.request(`/api/v1/municipalities/${id}`, {
      method: "PATCH",
      headers: { ...coordinator.headers, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const stored = async (id: string) =>
    (
      await rows<{ data: Record<string, unknown>; situation: string }>(
        t.db.orm,
        sql`SELECT data, situation FROM municipalities WHERE id = ${id}`,
      )
    )[0];

  it("keeps a displaced-people count and a dated correction through a forced re-import", async () => {
    const before = await stored(hromada);
    expect(before?.situation).toBe("frontline");
    await patch(hromada, {
      situation: {
        category: "occupied",
        occupiedBefore2022: false,
        asOf: "2025-02-28",
        source: "Order No. 376 of 28.02.2025",
        displacedHosted: 1234,
      },
    });
    const again = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-24T12:00:00.000Z") }),
      files,

      maxChange: 1,
    });
    expect(again.status).toBe("applied");
    const after = await stored(hromada);
    expect(after?.situation).toBe("occupied");
    expect(after?.data.situation).toMatchObject({
      category: "occupied",
      asOf: "2025-02-28",
      source: "Order No. 376 of 28.02.2025",
      displacedHosted: 1234,
    });
    // The reference value is kept apart, and the edits say who entered them and when.
    expect(after?.data.referenceSituation).toMatchObject({
      category: "frontline",
      asOf: "2022-11-23",
    });
    expect(after?.data.handEdits).toMatchObject({
      displacedHosted: { value: 1234, at: expect.any(String), by: expect.any(String) },
      situation: { category: "occupied", asOf: "2025-02-28", by: expect.any(String) },
    });
    // The correction outranks the file, so the import does not count it as a change.
    expect(again.situationChanges.find((c) => c.id === hromada)).toBeUndefined();
  });

  it("lets the reference win again when the correction is older than the file", async () => {
    await patch(hromada, {
      situation: {
        category: "rear",
        occupiedBefore2022: false,
        asOf: "2022-01-01",
        displacedHosted: 1234,
      },
    });
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-25T12:00:00.000Z") }),
      files,
      maxChange: 1,
    });
    const after = await stored(hromada);
    expect(after?.situation).toBe("frontline");
    expect(after?.data.situation).toMatchObject({ category: "frontline", displacedHosted: 1234 });
  });

  it("keeps a partner's capacity and political decision with who set them", async () => {
    await patch(VAXJO, { capacity: 3, politicalDecision: true });
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-26T12:00:00.000Z") }),
      files,
    });
    const after = await stored(VAXJO);
    expect(after?.data).toMatchObject({
      capacity: 3,
      politicalDecision: true,
      handEdits: { capacity: { value: 3 }, politicalDecision: { value: true } },
    });
  });
});
