// Hostile input against many routes: the API answers 4xx problem+json, never 500, and leaves the
// data as it was. GET routes and mutating routes are taken from the OpenAPI document, so routes
// added later are covered too.
import { Problem } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { API_BASE } from "../app";
import { rows } from "../db/db";
import { createSession } from "../services/auth/create-session";
import { insertTies } from "../services/catalogue/upsert-ties";
import { createRoleSet, type RoleSet } from "./auth";
import { TEST_NOW, testApp, testContext } from "./test-app";
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

// Fuzzing: every operation of the OpenAPI document, called by each kind of caller with bodies
// built from the operation's own schema and then broken, hostile path and query values, and
// random headers. A fixed seed and count make every run the same run; a failure names the seed
// and request so it can be replayed. POBRATYM_FUZZ_SEED=<n> explores another sequence.
const FUZZ_SEED = Number(process.env.POBRATYM_FUZZ_SEED ?? 20_261_204);
/** Requests per operation and caller. */
const FUZZ_PER_CALLER = 15;
type FuzzCaller = "anonymous" | "coordinator" | "hromadaEditor" | "partnerEditor";
const FUZZ_CALLERS: readonly FuzzCaller[] = [
  "anonymous",
  "coordinator",
  "hromadaEditor",
  "partnerEditor",
];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

interface FuzzOperation {
  path: string;
  method: string;
  parameters: { name: string; in: string; schema?: JsonSchema }[];
  body?: JsonSchema;
}

/** mulberry32: small, fast, and the same sequence everywhere for one seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

/** Values that break a field: wrong types, edges, hostile text. */
const HOSTILE_VALUES: unknown[] = [
  null,
  "",
  " ",
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 60,
  true,
  [],
  {},
  [null],
  { __proto__: { polluted: true } },
  "x".repeat(10_000),
  "constructor",
  "__proto__",
  "toString",
  "' OR 1=1 --",
  "\u202Eevil\u202C",
  "a\u0000b",
  "NaN",
  "2026-02-30",
  "9999-12-31T25:61:00Z",
  "-0",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "UA-99",
  "ZZ",
  "zz-fuzz-none",
];
const HOSTILE_PARAMS = [
  ...INVALID_PARAMS,
  "constructor",
  "__proto__",
  "%E2%80%AE",
  "..",
  ".",
  "a b",
  "",
];
const PROTOTYPE_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=latin1",
];
const IF_MATCH = ['"1"', '"2"', '"999"', 'W/"1"', "*", "junk", '"-1"', '"1e309"', '""'];

describe.each(ENGINES)("fuzzing every operation on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  let ops: FuzzOperation[];
  const headersOf: Record<FuzzCaller, Record<string, string>> = {
    anonymous: {},
    coordinator: {},
    hromadaEditor: {},
    partnerEditor: {},
  };
  let known: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db, { bodyLimit: BODY_LIMIT });
    r = await createRoleSet(t.db);
    headersOf.coordinator = r.coordinator.headers;
    headersOf.hromadaEditor = r.hromadaEditor.headers;
    headersOf.partnerEditor = r.partnerEditor.headers;
    const created = await app.request(`${API_BASE}/partnerships`, {
      method: "POST",
      headers: { "content-type": "application/json", ...r.coordinator.headers },
      body: JSON.stringify({
        hromadaId: r.hromada.id,
        partnerIds: [r.partner.id],
        agreementType: "twin-town",
      }),
    });
    const partnershipId = ((await created.json()) as { partnership: { id: string } }).partnership
      .id;
    known = [r.hromada.id, r.partner.id, partnershipId];
    const doc = (await (await app.request(`${API_BASE}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: FuzzOperation["parameters"];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
          }
        >
      >;
    };
    ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
      })),
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** A value that fits `schema` as far as a generator without regexes can tell. */
  function sample(rng: Random, schema: JsonSchema | undefined, depth = 0, text?: string): unknown {
    if (!schema || depth > 6) return null;
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return rng.pick(schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return sample(rng, rng.pick(alternatives), depth + 1, text);
    if (schema.allOf) return sample(rng, schema.allOf[0], depth + 1, text);
    const type = Array.isArray(schema.type) ? rng.pick(schema.type) : schema.type;
    switch (type) {
      case "object": {
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(schema.properties ?? {}))
          if (schema.required?.includes(key) || rng.chance(0.5))
            out[key] = sample(rng, prop, depth + 1, text);
        return out;
      }
      case "array":
        return Array.from({ length: Math.max(schema.minItems ?? 0, rng.int(3)) }, () =>
          sample(rng, schema.items, depth + 1, text),
        );
      case "integer":
      case "number": {
        const min = schema.minimum ?? 0;
        const max = schema.maximum ?? min + 1000;
        const n = min + rng.next() * (Math.min(max, min + 1e6) - min);
        return type === "integer" ? Math.floor(n) : n;
      }
      case "boolean":
        return rng.chance(0.5);
      case "null":
        return null;
      case "string":
        if (text !== undefined) return text;
        if (schema.format === "email") return `fuzz${rng.int(1000)}@example.org`;
        if (schema.format === "date") return "2026-05-01";
        if (schema.format === "date-time") return "2026-05-01T10:00:00Z";
        return rng.pick([...known, "UA-46", "DE", "en", "Fuzzheim", "a long enough password"]);
      default:
        return rng.pick(HOSTILE_VALUES);
    }
  }

  /** Breaks a value in one place: a field dropped, replaced or added, anywhere in the tree. */
  function mutate(rng: Random, value: unknown, depth = 0): unknown {
    if (Array.isArray(value)) {
      if (value.length === 0 || rng.chance(0.3)) return [...value, rng.pick(HOSTILE_VALUES)];
      const i = rng.int(value.length);
      return value.map((v, j) => (j === i ? mutate(rng, v, depth + 1) : v));
    }
    if (value && typeof value === "object") {
      const entries = Object.entries(value);
      const roll = rng.int(4);
      if (entries.length === 0 || roll === 0)
        return {
          ...value,
          [rng.pick(["isAdmin", "__proto__", "constructor", "id", "version"])]:
            rng.pick(HOSTILE_VALUES),
        };
      const [key, inner] = rng.pick(entries);
      const copy: Record<string, unknown> = { ...value };
      if (roll === 1) delete copy[key];
      else
        copy[key] =
          roll === 2 || depth > 4 ? rng.pick(HOSTILE_VALUES) : mutate(rng, inner, depth + 1);
      return copy;
    }
    return rng.pick(HOSTILE_VALUES);
  }

  function fuzzBody(rng: Random, schema: JsonSchema | undefined): string {
    const roll = rng.int(10);
    if (roll === 0)
      return rng.pick(
        BODIES.map(([, body]) => body).filter((b) => typeof b === "string"),
      ) as string;
    // A lone surrogate, and a duplicated key: both valid JSON text, neither a valid value.
    if (roll === 1) return '{"name":"\\ud800","name":"x","description":"\\udfff"}';
    if (roll === 2) return `${"[".repeat(3000)}${"]".repeat(3000)}`;
    // Every free text in an otherwise well-formed body (enums stay valid) the same
    // Object.prototype key: finds a table looked up by a client's string, in any field.
    if (roll === 3) return JSON.stringify(sample(rng, schema, 0, rng.pick(PROTOTYPE_KEYS)));
    let value = sample(rng, schema);
    const times = rng.int(3);
    for (let i = 0; i < times; i++) value = mutate(rng, value);
    return JSON.stringify(value);
  }

  function fuzzUrl(rng: Random, op: FuzzOperation): string {
    let path = op.path.replace(/\{[A-Za-z]+\}/g, () =>
      rng.chance(0.6)
        ? rng.pick(known)
        : encodeURIComponent(rng.pick(HOSTILE_PARAMS)).replace(/%25/g, "%"),
    );
    if (path.includes("/statistics/") && rng.chance(0.5))
      path = path.replace(/\/statistics\/[^/]+/, "/statistics/spare-partners");
    const query: string[] = [];
    for (const p of op.parameters.filter((p) => p.in === "query")) {
      if (rng.chance(0.5)) continue;
      const value = rng.chance(0.5) ? String(sample(rng, p.schema)) : rng.pick(HOSTILE_PARAMS);
      const encoded = value.startsWith("%") ? value : encodeURIComponent(value);
      query.push(`${p.name}=${encoded}`);
      if (rng.chance(0.1)) query.push(`${p.name}=${encoded}`);
    }
    if (rng.chance(0.15)) query.push(`${rng.pick(["unknownField", "__proto__", "constructor"])}=1`);
    return query.length ? `${path}?${query.join("&")}` : path;
  }

  it(`answers ${FUZZ_PER_CALLER} fuzzed requests per operation and caller with no 5xx, every 4xx a problem`, async () => {
    const rng = random(FUZZ_SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const op of ops) {
      for (const caller of FUZZ_CALLERS) {
        for (let i = 0; i < FUZZ_PER_CALLER; i++) {
          const url = fuzzUrl(rng, op);
          const headers: Record<string, string> = { ...headersOf[caller] };
          if (caller === "anonymous" && rng.chance(0.2))
            headers.authorization = rng.pick([
              "Bearer ",
              "Bearer x",
              `Bearer ${"y".repeat(5000)}`,
              "Basic Zm9vOmJhcg==",
            ]);
          if (rng.chance(0.4)) headers["if-match"] = rng.pick(IF_MATCH);
          if (op.method === "POST" && rng.chance(0.2))
            headers["idempotency-key"] = rng.pick([
              `fuzz-${rng.int(1e6)}`,
              "",
              "x".repeat(300),
              "\u00e9t\u00e9",
            ]);
          const init: RequestInit = { method: op.method, headers };
          if (op.method !== "GET" && op.method !== "HEAD" && (op.body || rng.chance(0.3))) {
            headers["content-type"] = rng.chance(0.8)
              ? "application/json"
              : rng.pick(CONTENT_TYPES);
            init.body = fuzzBody(rng, op.body);
          }
          const label = `#${sent} ${op.method} ${url.slice(0, 120)} as ${caller} (seed ${FUZZ_SEED})`;
          const res = await app.request(url, init);
          sent++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get("content-type") ?? "";
          const text = await res.text();
          if (res.status >= 500) failures.push(`${label}: ${res.status} ${text.slice(0, 300)}`);
          else if (res.status >= 400) {
            let parsed = false;
            try {
              parsed = Problem.safeParse(JSON.parse(text)).success;
            } catch {}
            if (!type.startsWith("application/problem+json") || !parsed)
              failures.push(
                `${label}: ${res.status} without a problem document: ${text.slice(0, 120)}`,
              );
          }
          // A successful sign-out ends the caller's session; give them a new one.
          if (op.path.endsWith("/auth/sign-out") && res.status < 300 && caller !== "anonymous") {
            const user = r[caller];
            const { token } = await createSession({
              tx: t.db.orm,
              ctx: testContext(t.db),
              userId: user.userId,
              ttlMs: 365 * 24 * 3600 * 1000,
            });
            headersOf[caller] = { authorization: `Bearer ${token}` };
          }
        }
      }
    }
    const summary = {
      seed: FUZZ_SEED,
      operations: ops.length,
      requests: sent,
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      failures: failures.length,
    };
    console.info(`[fuzz ${engine}] ${JSON.stringify(summary)}`);
    expect(ops.length).toBeGreaterThan(50);
    expect(sent).toBe(ops.length * FUZZ_CALLERS.length * FUZZ_PER_CALLER);
    expect(failures.join("\n")).toBe("");
  }, 300_000);
});
