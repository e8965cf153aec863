import {
  allowedMoves,
  type Partnership,
  PartnershipListQuery,
  STAGES,
  type Stage,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../db/db";
import { InvalidCursorError } from "../../errors";
import { encodeCursor } from "../../lib/cursor";
import { createRoleSet, type RoleSet } from "../../test/auth";
import { TEST_NOW, testApp, testContext } from "../../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../test/test-db";
import { seedDemo } from "../catalogue/seed-demo";
import { withTransaction } from "../context";
import { insertOrFindPartnership } from "./insert-partnership";
import { fingerprint, type ListPartnershipsResult, listPartnerships } from "./list-partnerships";
import { listPartnershipsFromMemory } from "./partnership-read-model";

// A seeded generator (fast-check is not a dependency here), so a failure replays.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const some = <T>(xs: readonly T[], p = 0.3): T[] => xs.filter(() => next() < p);
  return { next, pick, some };
}

const STAGE_CODES = STAGES.map((s) => s.code) as Stage[];
const AREAS = ["education", "water-sanitation", "energy-heating", "health", "youth-culture"];
const FUNDING = ["icld", "ks", "skew", "eu-cemr", "own-budget", "other"];
/** Request clocks; with 6 months the first puts the cut-off at 2026-05-23T12:00:00.000Z. */
const NOWS = [TEST_NOW, new Date("2025-08-01T00:00:00.000Z"), new Date("2027-03-15T09:30:00.000Z")];

describe.each(ENGINES)("partnership read model on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  let hromadas: string[] = [];
  let partners: string[] = [];
  let countries: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    expect(await seedDemo({ ctx: testContext(t.db) })).toBe(true);
    r = await createRoleSet(t.db);
    hromadas = (
      await rows<{ id: string }>(
        t.db.orm,
        sql`SELECT id FROM municipalities WHERE kind = 'hromada' ORDER BY id LIMIT 8`,
      )
    ).map((x) => x.id);
    const partnerRows = await rows<{ id: string; country: string }>(
      t.db.orm,
      sql`SELECT id, country FROM municipalities WHERE kind = 'partner' ORDER BY id`,
    );
    partners = partnerRows.map((x) => x.id);
    countries = [...new Set(partnerRows.map((x) => x.country))];
    expect(countries.length).toBeGreaterThanOrEqual(3);

    const g = generator(7_265);
    // Few creation instants, so ties on created_at are common and the id decides (COLLATE "C":
    // upper case before '_' before lower case, '-' before digits).
    const created = [
      "2023-02-01T08:00:00.000Z",
      "2024-06-30T23:59:59.999Z",
      "2025-01-15T10:00:00.000123Z",
      "2025-01-15T10:00:00.000124Z",
      "2025-09-09T09:09:09.000Z",
      "2026-04-01T00:00:00.000Z",
      "2026-05-23T12:00:00.000Z",
      "2026-10-10T10:10:10.000999Z",
    ];
    // Last changes straddling the 6-month cut-off of TEST_NOW by fractions of a millisecond.
    const edges = [
      "2026-05-23T11:59:59.999600Z",
      "2026-05-23T12:00:00.000000Z",
      "2026-05-23T12:00:00.000400Z",
    ];
    const prefixes = ["p-", "P_", "p_", "Z", "a", "pa-", "p"];
    const made: Partnership[] = [];
    for (let n = 0; n < 160; n++) {
      const start0 = g.pick(created);
      const start = Date.parse(`${start0.slice(0, 23)}Z`);
      const events = g.next() < 0.08 ? 0 : 1 + Math.floor(g.next() * 4);
      const history: Partnership["history"] = [];
      let stage: Stage = "interest";
      for (let e = 0; e < events; e++) {
        const from = e === 0 ? null : stage;
        stage = g.pick(STAGE_CODES);
        const at =
          e === 0
            ? start0
            : e === events - 1 && g.next() < 0.25
              ? g.pick(edges)
              : new Date(start + e * g.next() * 400 * 86_400_000).toISOString();
        history.push({ from, to: stage, at, by: "test" });
      }
      const partnerIds = [...new Set([g.pick(partners), ...g.some(partners, 0.06)])].slice(0, 4);
      made.push({
        id: `${g.pick(prefixes)}${n.toString(36)}`,
        hromadaId: g.pick(hromadas),
        partnerIds,
        agreementType: g.pick([
          "letter-of-intent",
          "twin-town",
          "municipal-partnership",
          "solidarity-partnership",
        ] as const),
        areas: g.some(AREAS) as Partnership["areas"],
        funding: g.some(FUNDING, 0.25) as Partnership["funding"],
        stage: events === 0 ? g.pick(STAGE_CODES) : stage,
        history,
        ...(g.next() < 0.4 ? { signedOn: `2024-03-0${1 + Math.floor(g.next() * 9)}` } : {}),
      });
    }
    const ctx = testContext(t.db, { now: new Date("2024-12-24T18:00:00.000Z") });
    await withTransaction(ctx, async (tx) => {
      // Random pairs repeat; like every path, the loader keeps one open partnership per pair
      // and agreement type, so a repeat is left out.
      for (const input of made) await insertOrFindPartnership({ tx, ctx, input });
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("answers every list query with the same pages, totals and cursors as the SQL", async () => {
    const g = generator(20261123);
    const options: Record<string, () => string> = {
      stage: () => g.some(STAGE_CODES, 0.4).join(",") || "interest",
      area: () => g.some(AREAS, 0.4).join(",") || "health",
      funding: () => g.some(FUNDING, 0.4).join(",") || "icld",
      // Now and then the other side's id, which must match nothing.
      hromadaId: () => (g.next() < 0.15 ? g.pick(partners) : g.pick(hromadas)),
      partnerId: () => (g.next() < 0.15 ? g.pick(hromadas) : g.pick(partners)),
      // UA is the hromadas' country, never a partner's: the filter looks at partners only.
      country: () => g.some([...countries, "UA"], 0.5).join(",") || "UA",
      dormant: () => g.pick(["true", "false"]),
      dormantMonths: () => g.pick(["1", "6", "6", "12", "24"]),
    };
    let nonEmpty = 0;
    let paged = 0;
    const dormancySeen = new Set<boolean>();
    for (let run = 0; run < 120; run++) {
      const params: Record<string, string> = { limit: g.pick(["1", "2", "3", "7", "13", "40"]) };
      for (const [name, make] of Object.entries(options)) if (g.next() < 0.3) params[name] = make();
      const query = PartnershipListQuery.parse(params);
      const now = g.pick(NOWS);
      let cursor: string | undefined;
      for (let page = 0; page < 200; page++) {
        const q = { ...query, ...(cursor ? { cursor } : {}) };
        const [fromSql, fromMemory] = await Promise.all([
          listPartnerships({ ctx: testContext(t.db, { now }), query: q }),
          listPartnershipsFromMemory({ ctx: testContext(t.db, { now }), query: q }),
        ]);
        expect(fromMemory, `${JSON.stringify(q)} at ${now.toISOString()}`).toEqual(fromSql);
        if (fromSql.items.length > 0) nonEmpty++;
        for (const item of fromSql.items) dormancySeen.add(item.dormant);
        if (!fromSql.nextCursor) break;
        paged++;
        cursor = fromSql.nextCursor;
      }
      const ctx = testContext(t.db, { now });
      const all = await listPartnershipsFromMemory({ ctx, query, all: true });
      expect(all).toEqual(await listPartnerships({ ctx, query, all: true }));
    }
    // The generator must reach real pages, not only empty lists.
    expect(nonEmpty).toBeGreaterThan(60);
    expect(paged).toBeGreaterThan(150);
    expect([...dormancySeen].sort()).toEqual([false, true]);
  });

  it("puts the last change of a partnership against the cut-off to the microsecond", async () => {
    const query = PartnershipListQuery.parse({ dormant: "true", limit: "500" });
    const sqlIds = (await listPartnerships({ ctx: testContext(t.db), query })).items.map(
      (p) => p.id,
    );
    const memory = await listPartnershipsFromMemory({ ctx: testContext(t.db), query });
    expect(memory.items.map((p) => p.id)).toEqual(sqlIds);
    // The straddling events exist, so the comparison above covered them.
    const [edge] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM partnership_events
        WHERE at BETWEEN '2026-05-23T11:59:59.9996Z' AND '2026-05-23T12:00:00.0004Z'`,
    );
    expect(edge?.n).toBeGreaterThan(2);
  });

  it("refuses the same bad cursors as the SQL, and takes the SQL's cursors", async () => {
    const query = PartnershipListQuery.parse({ limit: "3" });
    const other = PartnershipListQuery.parse({ limit: "3", stage: "contact" });
    const fromOther = (await listPartnerships({ ctx: testContext(t.db), query: other })).nextCursor;
    expect(fromOther).toBeTruthy();
    const forged = (created: string) => encodeCursor([created, "p-1"], fingerprint(query));
    for (const cursor of [
      "not a cursor",
      "e30",
      fromOther as string,
      forged("2026-05-23 12:00:00"),
      forged("2026-13-01T00:00:00.000000Z"),
      encodeCursor([1, "p-1"], fingerprint(query)),
    ]) {
      const q = { ...query, cursor };
      await expect(listPartnerships({ ctx: testContext(t.db), query: q })).rejects.toThrow(
        InvalidCursorError,
      );
      await expect(
        listPartnershipsFromMemory({ ctx: testContext(t.db), query: q }),
      ).rejects.toThrow(InvalidCursorError);
    }
    // A date PostgreSQL refuses is a bad cursor here too (the SQL fails in the database).
    await expect(
      listPartnershipsFromMemory({
        ctx: testContext(t.db),
        query: { ...query, cursor: forged("2026-02-30T00:00:00.000000Z") },
      }),
    ).rejects.toThrow(InvalidCursorError);
    // A hand-made but well-formed position, between two creation instants and ids.
    const between = { ...query, cursor: forged("2025-01-15T10:00:00.000124Z") };
    expect(await listPartnershipsFromMemory({ ctx: testContext(t.db), query: between })).toEqual(
      await listPartnerships({ ctx: testContext(t.db), query: between }),
    );
    // Cursors cross over: page 2 of the SQL via the memory's cursor and the other way round.
    const first = await listPartnershipsFromMemory({ ctx: testContext(t.db), query });
    const second = { ...query, cursor: first.nextCursor as string };
    expect(await listPartnerships({ ctx: testContext(t.db), query: second })).toEqual(
      await listPartnershipsFromMemory({ ctx: testContext(t.db), query: second }),
    );
  });

  it("shows a write made through the app in the next list", async () => {
    const app = testApp(t.db);
    const list = async (search = "") => {
      const res = await app.request(`/api/v1/partnerships?limit=5${search}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as ListPartnershipsResult;
    };
    const before = await list();
    const created = await app.request("/api/v1/partnerships", {
      method: "POST",
      headers: { ...r.coordinator.headers, "content-type": "application/json" },
      body: JSON.stringify({
        hromadaId: r.hromada.id,
        partnerIds: [r.partner.id],
        agreementType: "twin-town",
        areas: ["waste"],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { partnership } = (await created.json()) as { partnership: Partnership };
    const after = await list();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((p) => p.id)).toContain(partnership.id);

    const to = allowedMoves(partnership.stage)[0] as Stage;
    const inStage = async () =>
      (await list(`&hromadaId=${r.hromada.id}&stage=${to}`)).items.map((p) => p.id);
    expect(await inStage()).not.toContain(partnership.id);
    const moved = await app.request(`/api/v1/partnerships/${partnership.id}/moves`, {
      method: "POST",
      headers: { ...r.coordinator.headers, "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify({ to }),
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await inStage()).toContain(partnership.id);
    // The CSV export reads the same model.
    const csv = await (await app.request("/api/v1/partnerships?format=csv")).text();
    expect(csv).toContain(partnership.id);
  });
});
