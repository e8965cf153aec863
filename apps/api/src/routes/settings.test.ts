import { Municipality, municipalityId, Problem, SuggestionList, Tie } from "@pobratym/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertMunicipalities } from "../services/catalogue/upsert-municipalities";
import { insertTies } from "../services/catalogue/upsert-ties";
import { addNeed, addPartner } from "../services/matching/fixtures.test-helpers";
import { invalidateMatching } from "../services/matching/matching-cache";
import { createTestUser, type TestUser } from "../test/auth";
import { TEST_NOW, testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const HROMADA = municipalityId("UA", "UA65100150000057191");

describe.each(ENGINES)("matching settings on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let coordinator: TestUser;
  let editor: TestUser;
  let flaggedPartner: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    coordinator = await createTestUser(t.db, { role: "coordinator" });
    await upsertMunicipalities({
      tx: t.db.orm,
      municipalities: [
        Municipality.parse({
          id: HROMADA,
          kind: "hromada",
          country: "UA",
          officialCode: "UA65100150000057191",
          names: { local: "Херсонська", latin: "Khersonska" },
          region: { code: "UA65000000000030969", name: "Херсонська", iso: "UA-65" },
          population: 280_000,
          situation: { category: "frontline" },
        }),
      ],
      source: "manual",
      now: TEST_NOW.toISOString(),
    });
    await addNeed(t.db, HROMADA, "water-sanitation", "critical");
    flaggedPartner = await addPartner(t.db, { offers: [{ area: "water-sanitation" }] });
    await insertTies({
      tx: t.db.orm,
      ties: [
        Tie.parse({
          id: "tie-flagged",
          municipalityId: flaggedPartner,
          foreignTown: "Pskov",
          foreignCountry: "RU",
          status: "under-review",
          source: "Wikipedia",
        }),
      ],
      now: TEST_NOW.toISOString(),
    });
    invalidateMatching(t.db);
    editor = await createTestUser(t.db, { role: "editor", municipalityId: HROMADA });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const suggestions = async (query = "") =>
    SuggestionList.parse(
      await (
        await app.request(`/api/v1/municipalities/${HROMADA}/suggestions${query}`, {
          headers: coordinator.headers,
        })
      ).json(),
    );

  it("flags a partner with an unverified Russian tie by default instead of leaving it out", async () => {
    const res = await app.request("/api/v1/settings/matching", { headers: coordinator.headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ excludeFlaggedTies: false });
    const body = await suggestions();
    const item = body.items.find((i) => i.municipality.id === flaggedPartner);
    expect(item?.flags.map((f) => f.code)).toEqual(["flagged-tie"]);
  });

  it("leaves flagged partners out once coordinators say so, and counts them; a request may override", async () => {
    const put = await app.request("/api/v1/settings/matching", {
      method: "PUT",
      headers: { "content-type": "application/json", ...coordinator.headers },
      body: JSON.stringify({ excludeFlaggedTies: true }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const body = await suggestions();
    expect(body.items.map((i) => i.municipality.id)).not.toContain(flaggedPartner);
    expect(body.leftOut).toContainEqual({ side: "partner", code: "flagged-tie", count: 1 });
    const overridden = await suggestions("?excludeFlaggedTies=false");
    expect(overridden.items.map((i) => i.municipality.id)).toContain(flaggedPartner);
  });

  it("answers 400 on a bad body and 403 for an editor", async () => {
    const bad = await app.request("/api/v1/settings/matching", {
      method: "PUT",
      headers: { "content-type": "application/json", ...coordinator.headers },
      body: JSON.stringify({ excludeFlaggedTies: "yes" }),
    });
    expect(bad.status).toBe(400);
    expect(Problem.parse(await bad.json()).status).toBe(400);
    const forbidden = await app.request("/api/v1/settings/matching", {
      method: "PUT",
      headers: { "content-type": "application/json", ...editor.headers },
      body: JSON.stringify({ excludeFlaggedTies: false }),
    });
    expect(forbidden.status).toBe(403);
  });

  it("treats a linked twin town as a known pair and as having a partner", async () => {
    const twin = await addPartner(t.db, { offers: [{ area: "water-sanitation" }] });
    await insertTies({
      tx: t.db.orm,
      ties: [
        Tie.parse({
          id: "tie-twin-partner",
          municipalityId: twin,
          foreignTown: "Kherson",
          foreignCountry: "UA",
          linkedMunicipalityId: HROMADA,
          linkConfidence: "unique-name",
        }),
        Tie.parse({
          id: "tie-twin-hromada",
          municipalityId: HROMADA,
          foreignTown: "Testkommun",
          foreignCountry: "SE",
          linkedMunicipalityId: twin,
          linkConfidence: "unique-name",
        }),
      ],
      now: TEST_NOW.toISOString(),
    });
    invalidateMatching(t.db);
    const body = await suggestions("?excludeFlaggedTies=false");
    expect(body.items.map((i) => i.municipality.id)).not.toContain(twin);
    expect(body.leftOut).toContainEqual({
      side: "partner",
      code: "existing-partnership",
      count: 1,
    });
    // The one "has a partner" definition: the twinned hromada has one, though no partnership row.
    const list = await (
      await app.request("/api/v1/municipalities?hasPartner=true&kind=hromada", {
        headers: coordinator.headers,
      })
    ).json();
    expect((list as { items: { id: string }[] }).items.map((m) => m.id)).toContain(HROMADA);
    const item = body.items[0];
    expect(item?.components.find((c) => c.code === "fairness")?.data.noPartnerYet).toBe(false);
  });
});
