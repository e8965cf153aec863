// Hostile input against many routes: the API answers 4xx problem+json, never 500, and leaves the
// data as it was. GET routes and mutating routes are taken from the OpenAPI document, so routes
// added later are covered too.
import { Problem } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_BASE } from "../app";
import { rows } from "../db/db";
import { insertTies } from "../services/catalogue/upsert-ties";
import { createRoleSet, type RoleSet } from "./auth";
import { TEST_NOW, testApp } from "./test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "./test-db";

type Doc = {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>
  >;
};

const BODY_LIMIT = 64 * 1024;
const SQLISH = [
  "' OR 1=1 --",
  "'; DROP TABLE municipalities; --",
  '" OR ""="',
  "1; SELECT pg_sleep(5)",
];
/** Values no route accepts in a typed parameter (ids, numbers, enums, cursors). */
const INVALID_PARAMS = [
  ...SQLISH,
  "-1",
  "1e309",
  "99999999999999999999999",
  "NaN",
  "%FF%FE",
  "%C0%AF",
  "%00",
  "x".repeat(5000),
];
const QUERY_VALUES = [...INVALID_PARAMS, "", "[]", "{}", "true,false,maybe"];
/** Values that fit no typed parameter (an id, number, enum, code or cursor). */
const UNTYPEABLE = [...SQLISH, "%FF%FE", "%C0%AF", "%00", "x".repeat(5000)];
/** Parameters that take free text, where any of these values is a legitimate (if fruitless) request. */
const FREE_TEXT = new Set(["q", "region", "unknownField"]);
/** Bodies that no create or update schema accepts. */
const BODIES: [string, string | ArrayBuffer, string][] = [
  ["malformed JSON", '{"to": "contact",', "application/json"],
  ["a JSON string", '"contact"', "application/json"],
  ["a JSON array", "[1,2,3]", "application/json"],
  ["null", "null", "application/json"],
  [
    "wrong types",
    JSON.stringify({
      to: 7,
      hromadaId: 5,
      partnerIds: "x",
      foreignTown: [],
      foreignCountry: 1,
      status: {},
      name: 3,
      email: 4,
      area: 5,
    }),
    "application/json",
  ],
  [
    "only unknown fields",
    JSON.stringify({ isAdmin: true, role: "coordinator", __proto__: { polluted: true } }),
    "application/json",
  ],
  [
    "SQL-looking strings",
    JSON.stringify({
      to: SQLISH[0],
      hromadaId: SQLISH[1],
      foreignCountry: SQLISH[2],
      status: SQLISH[3],
    }),
    "application/json",
  ],
  [
    "huge numbers",
    '{"to": 1e308, "since": 1e999, "capacity": 9007199254740993, "population": -1e308}',
    "application/json",
  ],
  [
    "invalid UTF-8",
    new Uint8Array([0x7b, 0x22, 0x74, 0x6f, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d])
      .buffer,
    "application/json",
  ],
  ["a form body", "to=contact&hromadaId=x", "application/x-www-form-urlencoded"],
  [
    "a prototype-pollution body",
    '{"__proto__":{"role":"coordinator"},"constructor":{"prototype":{"x":1}}}',
    "application/json",
  ],
];

const TABLES = [
  "municipalities",
  "needs",
  "offers",
  "ties",
  "partnerships",
  "partnership_partners",
  "partnership_events",
  "users",
  "sessions",
  "invites",
  "contact_persons",
  "questionnaires",
  "audit_log",
];

describe.each(ENGINES)("hostile input on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  let doc: Doc;
  let partnershipId: string;
  let before: string;

  /** Counts of every table, and the id and version of every versioned row. */
  async function snapshot(): Promise<string> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await rows<{ n: number }>(
        t.db.orm,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      );
      counts[table] = row?.n ?? 0;
    }
    const versions = await rows<{ k: string }>(
      t.db.orm,
      sql`SELECT 'm:' || id || ':' || version || ':' || md5(data::text) AS k FROM municipalities
          UNION ALL SELECT 'p:' || id || ':' || version || ':' || stage FROM partnerships
          UNION ALL SELECT 't:' || id || ':' || version || ':' || status FROM ties
          ORDER BY 1`,
    );
    return JSON.stringify({ counts, versions: versions.map((v) => v.k) });
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db, { bodyLimit: BODY_LIMIT });
    r = await createRoleSet(t.db);
    await insertTies({
      tx: t.db.orm,
      ties: [
        {
          id: "tie-robust",
          municipalityId: r.hromada.id,
          foreignTown: "Kursk",
          foreignCountry: "RU",
          type: "twin-town",
          status: "active",
        },
      ],
      now: TEST_NOW.toISOString(),
    });
    const created = await app.request(`${API_BASE}/partnerships`, {
      method: "POST",
      headers: { "content-type": "application/json", ...r.coordinator.headers },
      body: JSON.stringify({
        hromadaId: r.hromada.id,
        partnerIds: [r.partner.id],
        agreementType: "twin-town",
      }),
    });
    expect(created.status).toBe(201);
    partnershipId = ((await created.json()) as { partnership: { id: string } }).partnership.id;
    doc = (await (await app.request(`${API_BASE}/openapi.json`)).json()) as Doc;
    before = await snapshot();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** A real id for each path parameter, so validation is reached on existing records. */
  function realPath(path: string): string {
    return path
      .replace("/partnerships/{id}", `/partnerships/${partnershipId}`)
      .replace("/ties/{id}", "/ties/tie-robust")
      .replace("/statistics/{table}", "/statistics/spare-partners")
      .replace(/\{[A-Za-z]+\}/g, r.hromada.id);
  }

  function operations(kind: "read" | "write") {
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => (kind === "read" ? method === "get" : method !== "get"))
        .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
  }

  let failures: string[] = [];
  beforeEach(() => {
    failures = [];
  });
  async function check(label: string, res: Response, expectError: boolean) {
    const type = res.headers.get("content-type") ?? "";
    const text = await res.text();
    if (res.status >= 500) failures.push(`${label}: ${res.status} ${text.slice(0, 200)}`);
    else if (res.status >= 400) {
      if (
        !type.startsWith("application/problem+json") ||
        !Problem.safeParse(JSON.parse(text)).success
      ) {
        failures.push(`${label}: ${res.status} without a problem document`);
      }
    } else if (expectError) failures.push(`${label}: accepted with ${res.status}`);
  }

  it("answers hostile path parameters and query values on every GET route without a 500", async () => {
    for (const { path, op } of operations("read")) {
      const params = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      for (const value of INVALID_PARAMS) {
        const hostile = path.replace(
          /\{[A-Za-z]+\}/g,
          encodeURIComponent(value).replace(/%25/g, "%"),
        );
        if (hostile !== path)
          await check(`GET ${hostile.slice(0, 80)}`, await app.request(hostile), true);
      }
      const url = realPath(path);
      for (const name of [...params, "unknownField"]) {
        for (const value of QUERY_VALUES) {
          const encoded = value.startsWith("%") ? value : encodeURIComponent(value);
          const res = await app.request(`${url}?${name}=${encoded}`);
          const typed = !FREE_TEXT.has(name) && UNTYPEABLE.includes(value);
          await check(`GET ${url}?${name}=${value.slice(0, 30)}`, res, typed);
        }
      }
    }
    expect(failures.join("\n")).toBe("");
  });

  it("refuses bad cursors and negative or huge limits on the list routes", async () => {
    const lists = ["/municipalities", "/partnerships", "/ties"];
    const junk = [
      "!!!",
      "eyJ",
      "eyJhIjoxfQ",
      btoa(JSON.stringify([["x", "y"], "0"])),
      "A".repeat(300),
    ];
    for (const list of lists) {
      for (const cursor of junk)
        await check(
          `${list} cursor ${cursor.slice(0, 12)}`,
          await app.request(`${API_BASE}${list}?cursor=${cursor}`),
          true,
        );
      for (const limit of ["-1", "0", "1e9", "99999999999999999999", "1.5", "ten"]) {
        await check(
          `${list} limit ${limit}`,
          await app.request(`${API_BASE}${list}?limit=${limit}`),
          true,
        );
      }
    }
    expect(failures.join("\n")).toBe("");
  });

  it("refuses hostile bodies on every mutating route, signed in as a coordinator", async () => {
    const writes = operations("write").filter(({ op }) => op.requestBody);
    expect(writes.length).toBeGreaterThan(3);
    for (const { path, method } of writes) {
      for (const url of [realPath(path), path.replace(/\{[A-Za-z]+\}/g, "zz-robust-none")]) {
        for (const [name, body, type] of BODIES) {
          const res = await app.request(url, {
            method,
            headers: { "content-type": type, "if-match": '"1"', ...r.coordinator.headers },
            body,
          });
          await check(`${method} ${url} with ${name}`, res, true);
        }
        const huge = JSON.stringify({ note: "x".repeat(BODY_LIMIT + 10) });
        const res = await app.request(url, {
          method,
          headers: {
            "content-type": "application/json",
            "if-match": '"1"',
            ...r.coordinator.headers,
          },
          body: huge,
        });
        await check(`${method} ${url} oversized`, res, true);
        if (res.status !== 413 && res.status !== 404)
          failures.push(`${method} ${url} oversized: ${res.status}, not 413`);
      }
    }
    expect(failures.join("\n")).toBe("");
  });

  it("leaves the data exactly as it was", async () => {
    expect(await snapshot()).toBe(before);
  });
});
