import { VersionedOffer } from "@pobratym/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRoleSet, type RoleSet } from "../test/auth";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const send = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("offers of a partner on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let app: ReturnType<typeof testApp>;
  let base: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    r = await createRoleSet(t.db);
    app = testApp(t.db);
    base = `/api/v1/municipalities/${r.partner.id}/offers`;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("creates, updates with If-Match and deletes an offer", async () => {
    const created = await app.request(
      base,
      send(
        "POST",
        { area: "water-sanitation", experience: "expert", resources: ["training", "study-visits"] },
        r.partnerEditor.headers,
      ),
    );
    expect(created.status, await created.clone().text()).toBe(201);
    const offer = VersionedOffer.parse(await created.json());
    const patched = await app.request(
      `${base}/${offer.id}`,
      send(
        "PATCH",
        { description: "Two engineers for a month" },
        { ...r.partnerEditor.headers, "if-match": created.headers.get("etag") ?? "" },
      ),
    );
    expect(patched.status).toBe(200);
    expect(VersionedOffer.parse(await patched.json())).toMatchObject({
      description: "Two engineers for a month",
      experience: "expert",
      version: 2,
    });
    const listed = VersionedOffer.array().parse((await (await app.request(base)).json()).items);
    expect(listed.map((o) => o.version)).toEqual([2]);
    const deleted = await app.request(`${base}/${offer.id}`, {
      method: "DELETE",
      headers: { ...r.coordinator.headers, "if-match": '"2"' },
    });
    expect(deleted.status).toBe(204);
  });

  it("rejects an invalid offer and an empty patch with the failing fields", async () => {
    const bad = await app.request(
      base,
      send("POST", { area: "water-sanitation", experience: "guru" }, r.coordinator.headers),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toContain(
      "json.experience",
    );
    const created = VersionedOffer.parse(
      await (
        await app.request(base, send("POST", { area: "waste" }, r.coordinator.headers))
      ).json(),
    );
    const empty = await app.request(
      `${base}/${created.id}`,
      send("PATCH", {}, { ...r.coordinator.headers, "if-match": '"1"' }),
    );
    expect(empty.status).toBe(400);
  });

  it("takes offers from a hromada too (its editor's), and answers 404 for an unknown offer", async () => {
    const hromadaOffer = await app.request(
      `/api/v1/municipalities/${r.hromada.id}/offers`,
      send(
        "POST",
        {
          area: "crisis-preparedness",
          experience: "expert",
          description: "Running water through blackouts.",
        },
        r.hromadaEditor.headers,
      ),
    );
    expect(hromadaOffer.status, await hromadaOffer.clone().text()).toBe(201);
    const profile = await (await app.request(`/api/v1/municipalities/${r.hromada.id}`)).json();
    expect(profile.offers.map((o: { area: string }) => o.area)).toContain("crisis-preparedness");
    const missing = await app.request(
      `${base}/offer-nope`,
      send("PATCH", { experience: "basic" }, { ...r.coordinator.headers, "if-match": '"1"' }),
    );
    expect(missing.status).toBe(404);
  });

  it("forbids the hromada's editor to touch the partner's offers", async () => {
    const res = await app.request(base, send("POST", { area: "waste" }, r.hromadaEditor.headers));
    expect(res.status).toBe(403);
  });
});
