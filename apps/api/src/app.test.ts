import SwaggerParser from "@apidevtools/swagger-parser";
import { Health, Problem } from "@pobratym/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "./services/catalogue/seed-demo";
import { testApp, testContext } from "./test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "./test/test-db";

describe.each(ENGINES)("the app on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await seedDemo({ ctx: testContext(t.db) });
    app = testApp(t.db, { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function expectProblem(res: Response, status: number, code?: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    expect(body.status).toBe(status);
    if (code) expect(body.code).toBe(code);
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    return body;
  }

  it("reports health with the database kind and the catalogue size", async () => {
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    const body = Health.parse(await res.json());
    expect(body.database).toBe(engine);
    expect(body.municipalities).toBeGreaterThan(0);
  });

  it("echoes a safe X-Request-Id and replaces an unsafe one", async () => {
    const kept = await app.request("/api/v1/health", { headers: { "x-request-id": "abc-123" } });
    expect(kept.headers.get("x-request-id")).toBe("abc-123");
    const replaced = await app.request("/api/v1/health", {
      headers: { "x-request-id": "bad id\u00e9<script>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown route with a 404 problem", async () => {
    await expectProblem(await app.request("/api/v1/nothing-here"), 404, "not-found");
  });

  it.each([
    ["an unknown parameter", "/api/v1/municipalities?colour=blue"],
    ["a wrong type", "/api/v1/municipalities?limit=many"],
    ["a limit out of range", "/api/v1/municipalities?limit=100000"],
    ["an unknown country", "/api/v1/municipalities?country=XX"],
    ["an unknown format", "/api/v1/municipalities?format=xml"],
    ["an id with forbidden characters", "/api/v1/municipalities/ua';DROP"],
  ])("rejects %s with a 400 problem", async (_name, url) => {
    const body = await expectProblem(await app.request(url), 400, "validation-failed");
    expect(body.errors?.length).toBeGreaterThan(0);
  });

  it.each([
    "'; DROP TABLE municipalities; --",
    "' OR 1=1 --",
    "%_%\\",
    "\u0000",
    "Robert'); DELETE FROM needs;--",
  ])("treats the SQL-looking search %j as text, never a 500", async (q) => {
    const res = await app.request(`/api/v1/municipalities?q=${encodeURIComponent(q)}`);
    expect(res.status).toBeLessThan(500);
    const health = Health.parse(await (await app.request("/api/v1/health")).json());
    expect(health.municipalities).toBeGreaterThan(0);
  });

  it("rejects malformed JSON with a 400 problem", async () => {
    const res = await app.request("/api/v1/municipalities", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"names": {',
    });
    await expectProblem(res, 400, "bad-request");
  });

  it("rejects a body that is not valid UTF-8 with a 400 problem", async () => {
    const res = await app.request("/api/v1/municipalities", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    await expectProblem(res, 400, "bad-request");
  });

  it("rejects a body over the limit with a 413 problem", async () => {
    const res = await app.request("/api/v1/municipalities", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(70 * 1024) }),
    });
    await expectProblem(res, 413, "payload-too-large");
    // The rest of the body was never read, so the connection cannot carry another request.
    expect(res.headers.get("connection")).toBe("close");
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "rejects a %s body with a 415 problem of its own code",
    async (type) => {
      const res = await app.request("/api/v1/questionnaires", {
        method: "POST",
        headers: { "content-type": type },
        body: "kind=partner",
      });
      await expectProblem(res, 415, "unsupported-media-type");
    },
  );

  it("serves a valid OpenAPI 3.1 document built from the core schemas", async () => {
    const res = await app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/health",
        "/api/v1/municipalities",
        "/api/v1/municipalities/{id}",
      ]),
    );
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it("serves a readable reference page with no external scripts", async () => {
    const res = await app.request("/api/v1/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/api/v1/municipalities/{id}");
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/cdn/i);
    // Nothing inline, so it passes the CSP without 'unsafe-inline'.
    expect(html).not.toMatch(/<style|<script|style=/i);
    const css = await app.request("/api/v1/docs.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });

  it.each(["/api/v1/health", "/api/v1/docs", "/api/v1/no-such-route", "/elsewhere"])(
    "sends security headers on %s",
    async (path) => {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    },
  );

  it("sends HSTS only when the public origin is HTTPS", async () => {
    const res = await app.request("/api/v1/health", {
      headers: { "x-forwarded-proto": "https", "x-forwarded-host": "pobratym.example.org" },
    });
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    const direct = await app.request("https://pobratym.example.org/api/v1/health");
    expect(direct.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });
});
