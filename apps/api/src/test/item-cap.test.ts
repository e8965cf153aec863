// The per-municipality cap on needs and offers holds for creates that run at the same time.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { MAX_ITEMS } from "../services/needs/item-store";
import { createRoleSet, type RoleSet } from "./auth";
import { TEST_NOW, testApp } from "./test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "./test-db";

describe.each(ENGINES)("the item cap on %s", (engine) => {
  let t: TestDatabase;
  let r: RoleSet;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { max: 8 });
    r = await createRoleSet(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it(`lets parallel creates fill a municipality to ${MAX_ITEMS} needs and not one more`, async () => {
    const at = TEST_NOW.toISOString();
    await t.db.orm.execute(sql`INSERT INTO needs (id, municipality_id, area, horizon, priority, status, data, version, created_at, updated_at)
      SELECT 'need-cap-' || i, ${r.hromada.id}, 'waste', 'long-term', 'high', 'open',
        jsonb_build_object('id', 'need-cap-' || i, 'area', 'waste', 'horizon', 'long-term', 'priority', 'high', 'status', 'open', 'description', ''),
        1, ${at}::timestamptz, ${at}::timestamptz
      FROM generate_series(1, ${MAX_ITEMS - 3}) AS i`);
    const app = testApp(t.db);
    const create = async () => {
      const res = await app.request(`/api/v1/municipalities/${r.hromada.id}/needs`, {
        method: "POST",
        headers: { "content-type": "application/json", ...r.coordinator.headers },
        body: JSON.stringify({ area: "energy-heating", horizon: "short-term" }),
      });
      return res.status;
    };
    const statuses = await Promise.all(Array.from({ length: 24 }, create));
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(21);
    const [count] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM needs WHERE municipality_id = ${r.hromada.id}`,
    );
    expect(count?.n).toBe(MAX_ITEMS);
  });
});
