import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { silentLogger } from "../logger";
import { TEST_NOW } from "../test/test-app";
import { createTestDatabase, type TestDatabase } from "../test/test-db";

const TOPOLOGY = JSON.stringify({
  type: "Topology",
  objects: { oblasts: { type: "GeometryCollection", geometries: [] } },
  arcs: [],
});

describe("reference assets", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  });
  afterAll(async () => t.dispose());

  const app = (shapes: string | null) =>
    createApp({
      db: t.db,
      clock: () => TEST_NOW,
      logger: silentLogger,
      referenceAssets: { oblastShapes: async () => shapes },
    });

  it("serves the oblast shapes the runtime provides, cacheable", async () => {
    const res = await app(TOPOLOGY).request("/api/v1/reference/oblasts.topo.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/max-age/);
    expect(await res.json()).toEqual(JSON.parse(TOPOLOGY));
  });

  it("answers 404 problem+json when the server has no reference shapes", async () => {
    const res = await app(null).request("/api/v1/reference/oblasts.topo.json");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await res.json()).code).toBe("not-found");
  });

  it("answers 404, not 500, when the shapes file is not valid TopoJSON", async () => {
    const res = await app("{ not json").request("/api/v1/reference/oblasts.topo.json");
    expect(res.status).toBe(404);
  });

  it("gives the data attribution line to anyone", async () => {
    const res = await app(null).request("/api/v1/reference/attribution");
    expect(res.status).toBe(200);
    expect((await res.json()).attribution).toMatch(/KSE Institute/);
  });

  it("rejects writes to reference assets", async () => {
    const res = await app(TOPOLOGY).request("/api/v1/reference/oblasts.topo.json", {
      method: "PUT",
      body: "{}",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
