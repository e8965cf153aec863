import { AcceptRoundResult, Problem, RoundDetail, RoundList } from "@pobratym/core";
import { DEMO_DATASET } from "@pobratym/core/demo";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { seedDemo } from "../services/catalogue/seed-demo";
import { addNeed, addPartner } from "../services/matching/fixtures.test-helpers";
import { createTestUser, type TestUser } from "../test/auth";
import { csvLines } from "../test/csv";
import { testApp, testContext } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe.each(ENGINES)("rounds on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let coordinator: TestUser;
  let editor: TestUser;
  let partners: string[];
  const hromadas = DEMO_DATASET.municipalities.filter((m) => m.kind === "hromada").map((m) => m.id);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    await seedDemo({ ctx: testContext(t.db) });
    // The demo's partners are all at capacity; three with room make the round worth planning.
    partners = [
      await addPartner(t.db, { name: "Alfa", capacity: 2, offers: [{ area: "health" }] }),
      await addPartner(t.db, { name: "Beta", capacity: 1, offers: [{ area: "water-sanitation" }] }),
      await addPartner(t.db, { name: "Gamma", capacity: 1, offers: [{ area: "education" }] }),
      // Only pinned: no offers, so no round picks it by itself.
      await addPartner(t.db, { name: "Delta", capacity: 1 }),
    ];
    for (const [i, area] of (
      ["health", "water-sanitation", "education", "health"] as const
    ).entries()) {
      const h = hromadas[i];
      if (h) await addNeed(t.db, h, area, "critical");
    }
    coordinator = await createTestUser(t.db, { role: "coordinator" });
    editor = await createTestUser(t.db, { role: "editor", municipalityId: hromadas[0] ?? "" });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function problem(res: Response, status: number, code: string) {
    expect(res.status, await res.clone().text()).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    expect(body.code).toBe(code);
    return body;
  }

  async function plan(body: Record<string, unknown> = {}): Promise<RoundDetail> {
    const res = await app.request("/api/v1/rounds", post(body, coordinator.headers));
    expect(res.status, await res.clone().text()).toBe(201);
    return RoundDetail.parse(await res.json());
  }

  const partnershipCount = async () =>
    (await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM partnerships`))[0]?.n;

  let round: RoundDetail;

  it("plans a round on the demo data and stores every proposed pair with its reasons", async () => {
    round = await plan({
      title: "Demo round",
      partners: { countries: ["SE"], ids: partners.slice(0, 3) },
      demand: 1,
    });
    expect(round.proposals.length).toBeGreaterThan(0);
    // Capacity 2 + 1 + 1: never more pairs than the partners can carry.
    expect(round.proposals.length).toBeLessThanOrEqual(4);
    for (const p of round.proposals) {
      expect(partners.slice(0, 3)).toContain(p.partner.id);
      expect(p.status).toBe("proposed");
      const sum = p.components.reduce((s, c) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(p.score, 6);
    }
    expect(round.result.pairs).toBe(round.proposals.length);
    expect(round.result.matchedHromadas + round.result.unmatchedHromadas).toBe(
      round.result.hromadas,
    );
    // The stable alternative is shown beside the optimum, and never beats it.
    expect(round.result.stable).not.toBeNull();
    expect(round.result.stable?.welfare ?? 0).toBeLessThanOrEqual(
      round.result.stable?.optimum ?? 0,
    );
    expect(round.result.pruning.certified).toBe(true);

    const again = await app.request(`/api/v1/rounds/${round.id}`, { headers: coordinator.headers });
    expect(RoundDetail.parse(await again.json()).proposals).toEqual(round.proposals);
    const list = RoundList.parse(
      await (await app.request("/api/v1/rounds", { headers: coordinator.headers })).json(),
    );
    expect(list.items.map((r) => r.id)).toContain(round.id);
  });

  it("exports a round's pairs as CSV", async () => {
    const res = await app.request(`/api/v1/rounds/${round.id}?format=csv`, {
      headers: coordinator.headers,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csvLines(await res.text());
    expect(lines[0]).toContain("hromada_id");
    expect(lines).toHaveLength(round.proposals.length + 1);
  });

  it("accepts a pair as a partnership at stage contact, once", async () => {
    const pair = round.proposals[0];
    if (!pair) throw new Error("no proposal");
    const before = await partnershipCount();
    const body = { pairs: [{ hromadaId: pair.hromada.id, partnerId: pair.partner.id }] };
    const res = await app.request(
      `/api/v1/rounds/${round.id}/accept`,
      post(body, coordinator.headers),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const result = AcceptRoundResult.parse(await res.json());
    expect(result.accepted).toHaveLength(1);
    const id = result.accepted[0]?.partnershipId ?? "";

    const listed = await app.request(`/api/v1/partnerships?hromadaId=${pair.hromada.id}`);
    const page = (await listed.json()) as {
      items: { id: string; stage: string; agreementType: string }[];
    };
    expect(page.items.find((p) => p.id === id)).toMatchObject({
      stage: "contact",
      agreementType: "municipal-partnership",
    });
    const [history] = await rows<{ by: string; note: string }>(
      t.db.orm,
      sql`SELECT by, note FROM partnership_events WHERE partnership_id = ${id}`,
    );
    expect(history?.by).toBe(coordinator.actor.label);
    const audit = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'partnership' AND entity_id = ${id}`,
    );
    expect(audit[0]?.n).toBe(1);

    // Accepting the same pair again is a no-op, reported as such.
    const twice = AcceptRoundResult.parse(
      await (
        await app.request(`/api/v1/rounds/${round.id}/accept`, post(body, coordinator.headers))
      ).json(),
    );
    expect(twice.accepted).toEqual([]);
    expect(twice.alreadyAccepted).toEqual([{ ...body.pairs[0], partnershipId: id }]);
    expect(await partnershipCount()).toBe((before ?? 0) + 1);
  });

  it("rejects a pair the round did not propose with 422 and writes nothing", async () => {
    const before = await partnershipCount();
    const proposed = new Set(round.proposals.map((p) => `${p.hromada.id}|${p.partner.id}`));
    const stranger = hromadas.find((h) => !proposed.has(`${h}|${partners[0]}`)) ?? "";
    const good = round.proposals[1];
    const pairs = [
      ...(good ? [{ hromadaId: good.hromada.id, partnerId: good.partner.id }] : []),
      { hromadaId: stranger, partnerId: partners[0] },
    ];
    const body = await problem(
      await app.request(`/api/v1/rounds/${round.id}/accept`, post({ pairs }, coordinator.headers)),
      422,
      "unprocessable",
    );
    expect(body.errors?.[0]?.path).toBe(`pairs.${pairs.length - 1}`);
    expect(await partnershipCount()).toBe(before);
  });

  it("accepts all remaining pairs, and the next round leaves them out", async () => {
    const res = await app.request(
      `/api/v1/rounds/${round.id}/accept`,
      post({ all: true }, coordinator.headers),
    );
    const result = AcceptRoundResult.parse(await res.json());
    expect(result.accepted.length + result.alreadyAccepted.length).toBe(round.proposals.length);
    const stored = RoundDetail.parse(
      await (
        await app.request(`/api/v1/rounds/${round.id}`, { headers: coordinator.headers })
      ).json(),
    );
    expect(stored.status).toBe("accepted");
    expect(stored.proposals.every((p) => p.status === "accepted" && p.partnershipId)).toBe(true);
    // The accepted pairs are partnerships now, so a new round (cache invalidated by the write) avoids them.
    const next = await plan({ partners: { ids: partners.slice(0, 3) } });
    const taken = new Set(round.proposals.map((p) => `${p.hromada.id}|${p.partner.id}`));
    expect(next.proposals.some((p) => taken.has(`${p.hromada.id}|${p.partner.id}`))).toBe(false);
  });

  it("plans a stable round with the proposing side and the optimum beside it", async () => {
    const stable = await plan({ mode: "stable", proposing: "partners", maximiseMatched: false });
    expect(stable.mode).toBe("stable");
    expect(stable.result.stable?.proposing).toBe("partners");
    const alone = await plan({ compareStable: false, partners: { ids: partners.slice(0, 3) } });
    expect(alone.result.stable).toBeNull();
  });

  it("honours pinned pairs, and answers 422 for ids outside the selection or an excluded pin", async () => {
    const h = hromadas[5] ?? "";
    const pinned = await plan({
      hromadas: { ids: [h] },
      partners: { ids: [partners[3] ?? ""] },
      pinned: [{ hromadaId: h, partnerId: partners[3] }],
    });
    expect(pinned.proposals.map((p) => [p.hromada.id, p.partner.id, p.pinned])).toEqual([
      [h, partners[3], true],
    ]);
    // Gamma's one place was taken when the first round was accepted.
    const full = await problem(
      await app.request(
        "/api/v1/rounds",
        post({ pinned: [{ hromadaId: h, partnerId: partners[2] }] }, coordinator.headers),
      ),
      422,
      "unprocessable",
    );
    expect(full.errors?.[0]?.path).toBe("pinned.0");
    const body = await problem(
      await app.request(
        "/api/v1/rounds",
        post(
          {
            hromadas: { ids: [h] },
            forbidden: [{ hromadaId: hromadas[6], partnerId: partners[0] }],
          },
          coordinator.headers,
        ),
      ),
      422,
      "unprocessable",
    );
    expect(body.errors?.map((e) => e.path)).toEqual(["forbidden.0.hromadaId"]);
  });

  it("exports the stored rounds as CSV, every round one row", async () => {
    // A title a spreadsheet would mangle: a comma, quotes, a newline and a leading `=`.
    const tricky = await plan({
      title: '=Spring, "pilot"\nround',
      hromadas: { ids: [hromadas[7] ?? ""] },
      partners: { ids: [partners[3] ?? ""] },
    });
    const list = RoundList.parse(
      await (await app.request("/api/v1/rounds", { headers: coordinator.headers })).json(),
    );
    const res = await app.request("/api/v1/rounds?format=csv", { headers: coordinator.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="rounds.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Rows end in CRLF; the title's newline is a bare LF inside its quoted cell.
    const lines = csvLines(new TextDecoder().decode(bytes.slice(3)));
    expect(lines[0]).toBe(
      "id,title,status,mode,created_at,created_by,hromadas,partners,pairs,matched_hromadas," +
        "unmatched_hromadas,total_score,accepted_pairs",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(list.items.map((r) => r.id));
    expect(lines.find((l) => l.startsWith(tricky.id))).toContain(
      `${tricky.id},"'=Spring, ""pilot""\nround",proposed,optimal,${tricky.createdAt},`,
    );
    const accepted = lines.find((l) => l.startsWith(`${round.id},`)) ?? "";
    expect(accepted.split(",").at(-1)).toBe(String(round.proposals.length));
    await problem(
      await app.request("/api/v1/rounds?format=xml", { headers: coordinator.headers }),
      400,
      "validation-failed",
    );
    await problem(
      await app.request(`/api/v1/rounds/${round.id}?format=xml`, { headers: coordinator.headers }),
      400,
      "validation-failed",
    );
  });

  it.each([
    ["an unknown mode", { mode: "greedy" }],
    ["a negative demand", { demand: -1 }],
    ["an unknown field", { colour: "red" }],
    ["a malformed pair", { pinned: [{ hromadaId: "x" }] }],
  ])("rejects %s with 400", async (_name, body) => {
    await problem(
      await app.request("/api/v1/rounds", post(body, coordinator.headers)),
      400,
      "validation-failed",
    );
  });

  it("rejects an empty accept body with 400 and an unknown round with 404", async () => {
    await problem(
      await app.request(`/api/v1/rounds/${round.id}/accept`, post({}, coordinator.headers)),
      400,
      "validation-failed",
    );
    await problem(
      await app.request("/api/v1/rounds/nope/accept", post({ all: true }, coordinator.headers)),
      404,
      "not-found",
    );
    await problem(
      await app.request("/api/v1/rounds/nope", { headers: coordinator.headers }),
      404,
      "not-found",
    );
  });

  it.each([
    ["POST", "/api/v1/rounds"],
    ["GET", "/api/v1/rounds"],
    ["GET", "/api/v1/rounds?format=csv"],
    ["GET", "/api/v1/rounds/any"],
    ["POST", "/api/v1/rounds/any/accept"],
  ])("%s %s needs a coordinator: 401 anonymous, 403 for an editor", async (method, path) => {
    const init = (headers: Record<string, string>) =>
      method === "POST" ? post({ all: true }, headers) : { headers };
    await problem(await app.request(path, init({})), 401, "unauthorized");
    await problem(await app.request(path, init(editor.headers)), 403, "forbidden");
  });
});
