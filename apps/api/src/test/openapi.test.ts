import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_BASE } from "../app";
import { testApp } from "./test-app";
import { createTestDatabase, type TestDatabase } from "./test-db";

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
}
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown> };
};

// Routes that are infrastructure, not API operations: the document itself, its HTML page and
// that page's stylesheet.
const UNDOCUMENTED = new Set([
  `${API_BASE}/openapi.json`,
  `${API_BASE}/docs`,
  `${API_BASE}/docs.css`,
]);
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

describe("the OpenAPI document", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    app = testApp(t.db);
    const res = await app.request(`${API_BASE}/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    // validate() dereferences in place, so give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("documents every API route registered on the app", () => {
    const registered = new Set(
      app.routes
        .filter(
          (r) =>
            METHODS.has(r.method) && r.path.startsWith(`${API_BASE}/`) && !UNDOCUMENTED.has(r.path),
        )
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
    expect(registered.size).toBeGreaterThan(10);
    expect([...registered].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((d) => !registered.has(d))).toEqual([]);
  });

  it.each([
    ["post", "/partnerships"],
    ["get", "/partnerships"],
    ["get", "/partnerships/{id}"],
    ["post", "/partnerships/{id}/moves"],
    ["get", "/ties"],
    ["get", "/ties/review"],
    ["post", "/municipalities/{id}/ties"],
    ["patch", "/ties/{id}"],
    ["get", "/statistics"],
    ["get", "/statistics/{table}"],
  ])("documents %s %s with its problem responses", (method, path) => {
    const op = doc.paths[`${API_BASE}${path}`]?.[method];
    expect(op).toBeDefined();
    expect(op?.responses?.["400"]?.content).toHaveProperty(["application/problem+json"]);
    if (method !== "get") {
      expect(op?.requestBody?.content?.["application/json"]?.schema).toBeDefined();
      expect(op?.responses?.["401"]).toBeDefined();
      expect(op?.responses?.["403"]).toBeDefined();
      expect(op?.security).toEqual([{ bearer: [] }]);
    }
  });

  it("defines every security scheme an operation requires", () => {
    const schemes = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const requirement of (op.security ?? []) as Record<string, unknown>[]) {
          for (const name of Object.keys(requirement))
            expect(schemes.has(name), `${method} ${path}: ${name}`).toBe(true);
        }
      }
    }
  });

  it("gives every error response the problem+json media type", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          if (Number(status) >= 400) {
            expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual([
              "application/problem+json",
            ]);
          }
        }
      }
    }
  });
});
