import { PartnershipDetail, Problem } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { rows } from "../db/db";
import type { AppEnv } from "../deps";
import { handleError } from "../errors";
import { sha256Hex } from "../lib/crypto";
import { silentLogger } from "../logger";
import {
  createRoleSet,
  createTestMunicipality,
  createTestUser,
  type RoleSet,
  type TestUser,
} from "../test/auth";
import { TEST_NOW, testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";
import { strictBody } from "./body";
import {
  IDEMPOTENCY_ABANDONED_MS,
  IDEMPOTENCY_TTL_MS,
  idempotency,
  parseIdempotencyKey,
} from "./idempotency";

const URL = "/api/v1/partnerships";
const REPLAYED = "idempotent-replayed";

describe("parseIdempotencyKey", () => {
  it.each([
    ["8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324"],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', "8e03978e-40d5-43e8-bc93-6894a57f9324"],
    ['"a\\"b\\\\c"', 'a"b\\c'],
    ["x".repeat(255), "x".repeat(255)],
    ["!~", "!~"],
  ])("accepts %s", (value, key) => {
    expect(parseIdempotencyKey(value)).toBe(key);
  });
  it.each([
    "",
    '""',
    "x".repeat(256),
    `"${"x".repeat(256)}"`,
    "has space",
    '"has space"',
    "tab\there",
    "é",
    '"unterminated',
    '"bad\\escape"',
  ])("refuses %j", (value) => {
    expect(parseIdempotencyKey(value)).toBeNull();
  });
});

describe.each(ENGINES)("Idempotency-Key on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let r: RoleSet;
  let otherCoordinator: TestUser;
  let n = 0;
  const newKey = () => `test-key-${engine}-${++n}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    r = await createRoleSet(t.db);
    otherCoordinator = await createTestUser(t.db, { role: "coordinator" });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  // Each test records its partnerships with a partner of its own: at most one open partnership
  // per pair and agreement type may exist, and these tests are about keys, not that rule.
  let partnerId: string;
  beforeEach(async () => {
    partnerId = (await createTestMunicipality(t.db, { kind: "partner" })).id;
  });
  const partnership = (extra: Record<string, unknown> = {}) => ({
    hromadaId: r.hromada.id,
    partnerIds: [partnerId],
    agreementType: "municipal-partnership",
    ...extra,
  });

  function post(
    body: unknown,
    opts: { key?: string; user?: TestUser; url?: string; via?: typeof app } = {},
  ) {
    return (opts.via ?? app).request(opts.url ?? URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(opts.user ?? r.coordinator).headers,
        ...(opts.key === undefined ? {} : { "idempotency-key": opts.key }),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    const [row] = await rows<{ n: number }>(t.db.orm, query);
    return row?.n ?? 0;
  }
  const partnerships = () => count(sql`SELECT count(*)::int AS n FROM partnerships`);
  const audits = () =>
    count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'partnership'`);
  const keyRows = () => count(sql`SELECT count(*)::int AS n FROM idempotency_keys`);

  async function problem(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    expect(body.code).toBe(code);
    return body;
  }

  it("answers a retried POST with the first answer, writing one partnership and one audit entry", async () => {
    const key = newKey();
    const [rowsBefore, auditsBefore] = [await partnerships(), await audits()];
    const first = await post(partnership({ description: "retried" }), { key });
    const firstText = await first.text();
    expect(first.status, firstText).toBe(201);
    expect(first.headers.get(REPLAYED)).toBeNull();
    const created = PartnershipDetail.parse(JSON.parse(firstText));

    for (const sent of [key, `"${key}"`]) {
      const again = await post(partnership({ description: "retried" }), { key: sent });
      expect(again.status).toBe(201);
      expect(again.headers.get(REPLAYED)).toBe("true");
      expect(await again.text()).toBe(firstText);
      for (const name of ["content-type", "etag", "location"]) {
        expect(again.headers.get(name), name).toBe(first.headers.get(name));
      }
    }
    expect(first.headers.get("location")).toBe(`${URL}/${created.partnership.id}`);
    expect([await partnerships(), await audits()]).toEqual([rowsBefore + 1, auditsBefore + 1]);
  });

  it("changes nothing without the header: a retry is a second record, and no key is kept", async () => {
    // A need, since a hromada may list the same need twice (a second open partnership of one
    // pair and type is refused whatever the header says).
    const needs = () => count(sql`SELECT count(*)::int AS n FROM needs`);
    const [rowsBefore, keysBefore] = [await needs(), await keyRows()];
    const need = { area: "water-sanitation", horizon: "short-term", description: "Two pumps." };
    for (let i = 0; i < 2; i++) {
      const res = await post(need, { url: `/api/v1/municipalities/${r.hromada.id}/needs` });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(res.headers.get(REPLAYED)).toBeNull();
    }
    expect([await needs(), await keyRows()]).toEqual([rowsBefore + 2, keysBefore]);
  });

  it("refuses the same key with another body: 422 idempotency-key-reused, nothing written", async () => {
    const key = newKey();
    expect((await post(partnership(), { key })).status).toBe(201);
    const before = await partnerships();
    await problem(
      await post(partnership({ description: "other" }), { key }),
      422,
      "idempotency-key-reused",
    );
    expect(await partnerships()).toBe(before);
  });

  it("keeps keys apart per caller and per path", async () => {
    const key = newKey();
    const before = await partnerships();
    const mine = await post(partnership(), { key });
    // Another body under the same key: the same caller would get 422 idempotency-key-reused.
    const other = (await createTestMunicipality(t.db, { kind: "partner" })).id;
    const theirs = await post(partnership({ partnerIds: [other] }), {
      key,
      user: otherCoordinator,
    });
    for (const res of [mine, theirs]) {
      expect(res.status).toBe(201);
      expect(res.headers.get(REPLAYED)).toBeNull();
    }
    const a = PartnershipDetail.parse(await mine.json());
    const b = PartnershipDetail.parse(await theirs.json());
    expect(a.partnership.id).not.toBe(b.partnership.id);
    expect(await partnerships()).toBe(before + 2);

    const need = await post(
      { area: "water-sanitation", horizon: "short-term", description: "Two pumps." },
      { key, url: `/api/v1/municipalities/${r.hromada.id}/needs` },
    );
    expect(need.status, await need.clone().text()).toBe(201);
    expect(need.headers.get(REPLAYED)).toBeNull();
  });

  it("runs ten concurrent requests with one key once: each answer is the 201, a replay of it, or 409 in use", async () => {
    const key = newKey();
    const [rowsBefore, auditsBefore] = [await partnerships(), await audits()];
    const body = partnership({ description: "concurrent" });
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const res = await post(body, { key });
        return { res, text: await res.text() };
      }),
    );
    expect([await partnerships(), await audits()]).toEqual([rowsBefore + 1, auditsBefore + 1]);
    const originals = answers.filter((a) => a.res.status === 201 && !a.res.headers.get(REPLAYED));
    expect(originals).toHaveLength(1);
    const original = originals[0]?.text;
    for (const { res, text } of answers) {
      if (res.status === 409) {
        expect(JSON.parse(text).code).toBe("idempotency-key-in-use");
        expect(res.headers.get("retry-after")).toBe("1");
      } else {
        expect(res.status, text).toBe(201);
        expect(text).toBe(original);
      }
    }
    const retry = await post(body, { key });
    expect(retry.headers.get(REPLAYED)).toBe("true");
    expect(await retry.text()).toBe(original);
    expect(await partnerships()).toBe(rowsBefore + 1);
  });

  it("refuses a malformed key with 400 idempotency-key-invalid and writes nothing", async () => {
    const before = [await partnerships(), await keyRows()];
    for (const key of ["", "x".repeat(256), "two words", '"unterminated', "caf\u00e9"]) {
      await problem(await post(partnership(), { key }), 400, "idempotency-key-invalid");
    }
    expect([await partnerships(), await keyRows()]).toEqual(before);
  });

  it("keeps a 400 answer and replays it, and a corrected body needs a new key", async () => {
    const key = newKey();
    const invalid = { hromadaId: r.hromada.id, agreementType: "municipal-partnership" };
    const first = await post(invalid, { key });
    const firstBody = await problem(first.clone(), 400, "validation-failed");
    const again = await post(invalid, { key });
    expect(again.headers.get(REPLAYED)).toBe("true");
    expect(await problem(again, 400, "validation-failed")).toEqual(firstBody);
    await problem(await post(partnership(), { key }), 422, "idempotency-key-reused");
  });

  const age = (key: string, ms: number) =>
    t.db.orm.execute(sql`UPDATE idempotency_keys
      SET created_at = ${new Date(TEST_NOW.getTime() - ms).toISOString()}::timestamptz
      WHERE key = ${key}`);

  it("treats a key whose answer is 24 hours old as new", async () => {
    const key = newKey();
    expect((await post(partnership(), { key })).status).toBe(201);
    await age(key, IDEMPOTENCY_TTL_MS - 1000);
    await problem(
      await post(partnership({ description: "x" }), { key }),
      422,
      "idempotency-key-reused",
    );
    await age(key, IDEMPOTENCY_TTL_MS);
    // Another agreement between the pair: the first one is still open.
    const res = await post(
      partnership({ description: "a day later", agreementType: "twin-town" }),
      {
        key,
      },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get(REPLAYED)).toBeNull();
  });

  it("lets a retry take over a key whose first request died while running", async () => {
    const key = newKey();
    await t.db.orm.execute(sql`INSERT INTO idempotency_keys (key, scope, request_hash, status, response, created_at)
      VALUES (${key}, ${`POST ${URL} user:${r.coordinator.userId}`}, ${await sha256Hex(JSON.stringify(partnership()))},
        0, '{"token":"dead"}'::jsonb,
        ${TEST_NOW.toISOString()}::timestamptz)`);
    await problem(await post(partnership(), { key }), 409, "idempotency-key-in-use");
    await age(key, IDEMPOTENCY_ABANDONED_MS);
    const res = await post(partnership(), { key });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get(REPLAYED)).toBeNull();
  });

  it("deletes expired keys as time passes", async () => {
    const key = newKey();
    expect((await post(partnership(), { key })).status).toBe(201);
    const later = createApp({
      db: t.db,
      clock: () => new Date(TEST_NOW.getTime() + IDEMPOTENCY_TTL_MS + 1000),
      logger: silentLogger,
    });
    const another = partnership({ agreementType: "twin-town" });
    expect((await post(another, { key: newKey(), via: later })).status).toBe(201);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ${key}`),
    ).toBe(0);
  });

  it("keeps no answer of sign-in or invites, which carry tokens", async () => {
    const before = await keyRows();
    const key = newKey();
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await post(
        { email: otherCoordinator.email, password: otherCoordinator.password },
        { key, url: "/api/v1/auth/sign-in" },
      );
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get(REPLAYED)).toBeNull();
      tokens.push(((await res.json()) as { token: string }).token);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
    const invite = await post(
      { email: `invitee-${engine}@example.org`, role: "coordinator" },
      { key, url: "/api/v1/invites" },
    );
    expect(invite.status, await invite.clone().text()).toBe(201);
    expect(invite.headers.get(REPLAYED)).toBeNull();
    expect(await keyRows()).toBe(before);
  });

  it("forgets every kept answer after an erasure, since answers may name the person", async () => {
    expect((await post(partnership(), { key: newKey() })).status).toBe(201);
    expect(await keyRows()).toBeGreaterThan(0);
    const res = await post({ email: "nobody@example.org" }, { url: "/api/v1/privacy/erase" });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await keyRows()).toBe(0);
  });

  it("documents the header on the POSTs that take it, and only there", async () => {
    const doc = (await (await app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const takes = (path: string) =>
      (doc.paths[`/api/v1${path}`]?.post?.parameters ?? []).some(
        (p) => p.in === "header" && p.name === "Idempotency-Key",
      );
    expect(takes("/partnerships")).toBe(true);
    expect(takes("/municipalities/{id}/needs")).toBe(true);
    expect(takes("/questionnaires")).toBe(true);
    for (const path of ["/auth/sign-in", "/invites", "/invites/accept", "/privacy/erase"]) {
      expect(takes(path), path).toBe(false);
    }
  });

  describe("with a route that fails or waits", () => {
    let runs = 0;
    let outcome: "ok" | "500" | "throw" | "401" | "429" | "no-store" = "ok";
    let gate: Promise<void> | null = null;
    let entered: () => void = () => {};
    const mini = () => {
      const m = new Hono<AppEnv>();
      m.onError(handleError);
      m.use("*", async (c, next) => {
        c.set("db", t.db);
        c.set("clock", () => TEST_NOW);
        c.set("logger", silentLogger);
        c.set("requestId", "req-test");
        c.set("actor", null);
        await next();
      });
      m.use("/api/v1/*", strictBody);
      m.use("/api/v1/*", idempotency("/api/v1"));
      m.post("/api/v1/flaky", async (c) => {
        runs += 1;
        entered();
        if (gate) await gate;
        if (outcome === "500") return c.json({ oops: true }, 500);
        if (outcome === "throw") throw new Error("boom");
        if (outcome === "401") return c.json({ sign: "in" }, 401);
        if (outcome === "429") return c.json({ slow: "down" }, 429);
        if (outcome === "no-store")
          return c.json({ token: "secret" }, 201, { "cache-control": "no-store" });
        return c.json({ run: runs }, 201);
      });
      return m;
    };
    const flaky = (key: string, body = "{}") =>
      mini().request("/api/v1/flaky", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body,
      });

    it.each([
      ["500", 500],
      ["throw", 500],
      ["401", 401],
      ["429", 429],
      ["no-store", 201],
    ] as const)(
      "releases the key after a %s answer, so a retry runs the route again",
      async (failure, status) => {
        const key = newKey();
        runs = 0;
        outcome = failure;
        const first = await flaky(key);
        expect(first.status).toBe(status);
        outcome = "ok";
        const retry = await flaky(key);
        expect(retry.status).toBe(201);
        expect(retry.headers.get(REPLAYED)).toBeNull();
        expect(await retry.json()).toEqual({ run: 2 });
        expect(runs).toBe(2);
      },
    );

    it("answers 409 idempotency-key-in-use while the first request runs, then replays it", async () => {
      const key = newKey();
      runs = 0;
      outcome = "ok";
      let open: () => void = () => {};
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const first = flaky(key);
      await inside;
      const second = await flaky(key);
      await problem(second, 409, "idempotency-key-in-use");
      await problem(await flaky(key, '{"other":1}'), 422, "idempotency-key-reused");
      open();
      gate = null;
      const done = await first;
      expect(done.status).toBe(201);
      const replay = await flaky(key);
      expect(replay.headers.get(REPLAYED)).toBe("true");
      expect(await replay.json()).toEqual({ run: 1 });
      expect(runs).toBe(1);
    });
  });
});
