import {
  ConferenceDetail,
  ConferenceList,
  ConferenceOutcomes,
  ConferenceScheduleView,
  Problem,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../db/db";
import { createTestMunicipality, createTestUser, type TestUser } from "../test/auth";
import { csvLines } from "../test/csv";
import { testApp } from "../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../test/test-db";

/** A value a spreadsheet would mangle: a comma, quotes and a newline, and a leading `=`. */
const TRICKY = '=Kalk, "Nord"\nStadt';
/** TRICKY as the CSV cell must hold it: defused with an apostrophe, then quoted. */
const TRICKY_CELL = `"'=Kalk, ""Nord""\nStadt"`;

/** The rows of a CSV download, after checking it is one (BOM, type, attachment name). */
async function csvRows(res: Response, filename: string): Promise<string[]> {
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Rows end in CRLF; the newline inside TRICKY is a bare LF, so it stays within its row.
  return csvLines(new TextDecoder().decode(bytes.slice(3)));
}

const send = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

// Stockholm 2023: 11 Ukrainian and 11 Swedish municipalities in 1:1 sessions.
describe.each(ENGINES)("conferences on %s", (engine) => {
  let t: TestDatabase;
  let app: ReturnType<typeof testApp>;
  let coordinator: TestUser;
  let participantEditor: TestUser;
  let outsiderEditor: TestUser;
  let hromadas: string[];
  let partners: string[];
  let conference: ConferenceDetail;
  let schedule: ConferenceScheduleView;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    app = testApp(t.db);
    hromadas = [];
    partners = [];
    for (let i = 0; i < 11; i++) {
      hromadas.push((await createTestMunicipality(t.db, { kind: "hromada" })).id);
      // The last partner's name needs escaping in CSV.
      const opts =
        i === 10 ? { kind: "partner" as const, name: TRICKY } : { kind: "partner" as const };
      partners.push((await createTestMunicipality(t.db, opts)).id);
    }
    const outsider = await createTestMunicipality(t.db, { kind: "partner" });
    coordinator = await createTestUser(t.db, { role: "coordinator" });
    participantEditor = await createTestUser(t.db, { role: "editor", municipalityId: hromadas[0] });
    outsiderEditor = await createTestUser(t.db, { role: "editor", municipalityId: outsider.id });
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
  const base = () => `/api/v1/conferences/${conference.id}`;
  const partnershipCount = async () =>
    (await rows<{ n: number }>(t.db.orm, sql`SELECT count(*)::int AS n FROM partnerships`))[0]?.n ??
    0;

  it("creates a conference whose title and date anyone can read", async () => {
    const res = await app.request(
      "/api/v1/conferences",
      send(
        "POST",
        { title: "Stockholm 2023", startsOn: "2023-06-12", location: "Stockholm" },
        coordinator.headers,
      ),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    conference = ConferenceDetail.parse(await res.json());
    expect(conference.status).toBe("planned");
    const list = ConferenceList.parse(await (await app.request("/api/v1/conferences")).json());
    expect(list.items).toContainEqual(
      expect.objectContaining({
        id: conference.id,
        title: "Stockholm 2023",
        startsOn: "2023-06-12",
      }),
    );
    const publicView = ConferenceDetail.parse(await (await app.request(base())).json());
    expect(publicView.participants).toBeUndefined();
  });

  it("exports the conference list as CSV, every conference one row", async () => {
    const other = await app.request(
      "/api/v1/conferences",
      send(
        "POST",
        { title: TRICKY, startsOn: "2024-05-20", location: "Oslo" },
        coordinator.headers,
      ),
    );
    expect(other.status, await other.clone().text()).toBe(201);
    const list = ConferenceList.parse(await (await app.request("/api/v1/conferences")).json());
    const lines = await csvRows(
      await app.request("/api/v1/conferences?format=csv"),
      "conferences.csv",
    );
    expect(lines[0]).toBe("id,title,starts_on,ends_on,location,status");
    expect(lines).toHaveLength(list.items.length + 1);
    expect(lines.map((l) => l.split(",")[0])).toEqual(["id", ...list.items.map((c) => c.id)]);
    expect(lines).toContain(`${conference.id},Stockholm 2023,2023-06-12,,Stockholm,planned`);
    const tricky = lines.find((l) => l.includes("Oslo")) ?? "";
    expect(tricky).toContain(`,${TRICKY_CELL},2024-05-20,`);
    await problem(await app.request("/api/v1/conferences?format=xml"), 400, "validation-failed");
  });

  it("registers participants of both sides (PUT replaces, POST adds)", async () => {
    const put = await app.request(
      `${base()}/participants`,
      send(
        "PUT",
        { municipalityIds: [...hromadas.slice(0, 10), ...partners] },
        coordinator.headers,
      ),
    );
    expect(put.status, await put.clone().text()).toBe(200);
    expect(ConferenceDetail.parse(await put.json()).participants).toHaveLength(21);
    const add = await app.request(
      `${base()}/participants`,
      send("POST", { municipalityIds: [hromadas[10], hromadas[0]] }, coordinator.headers),
    );
    const detail = ConferenceDetail.parse(await add.json());
    expect(detail.participants).toHaveLength(22);
    expect(detail.status).toBe("open");
  });

  it("answers 422 for unknown participants and wishes across the wrong lines", async () => {
    await problem(
      await app.request(
        `${base()}/participants`,
        send("POST", { municipalityIds: ["UA-nope"] }, coordinator.headers),
      ),
      422,
      "unprocessable",
    );
    const body = await problem(
      await app.request(
        `${base()}/wishes`,
        send(
          "PUT",
          { wishes: [{ fromId: hromadas[0], toIds: [hromadas[1], "SE-nope"] }] },
          coordinator.headers,
        ),
      ),
      422,
      "unprocessable",
    );
    expect(body.errors?.map((e) => e.code)).toEqual(["same-side", "not-participant"]);
  });

  it("stores ranked wishes from either side", async () => {
    // Every hromada wants three partners; partner j wants hromada j back (mutual for j's first choice).
    const wishes = [
      ...hromadas.map((h, i) => ({
        fromId: h,
        toIds: [partners[i], partners[(i + 1) % 11], partners[(i + 2) % 11]],
      })),
      ...partners.map((p, j) => ({ fromId: p, toIds: [hromadas[j]] })),
    ];
    const res = await app.request(`${base()}/wishes`, send("PUT", { wishes }, coordinator.headers));
    expect(res.status, await res.clone().text()).toBe(200);
    const detail = ConferenceDetail.parse(await res.json());
    expect(detail.wishes).toHaveLength(11 * 3 + 11);
    expect(detail.wishes).toContainEqual({ fromId: hromadas[0], toId: partners[1], rank: 2 });
  });

  it("schedules 11 × 11 in 3 rounds: nobody double-booked, mutual wishes met, minimums kept", async () => {
    const res = await app.request(
      `${base()}/schedule`,
      send("POST", { rounds: 3, tables: 11, minMeetings: 2 }, coordinator.headers),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    schedule = ConferenceScheduleView.parse(await res.json());
    expect(schedule.meetings).toHaveLength(33);
    for (let round = 1; round <= 3; round++) {
      const inRound = schedule.meetings.filter((m) => m.round === round);
      expect(inRound.length).toBeLessThanOrEqual(11);
      expect(new Set(inRound.map((m) => m.hromada.id)).size).toBe(inRound.length);
      expect(new Set(inRound.map((m) => m.partner.id)).size).toBe(inRound.length);
      expect(new Set(inRound.map((m) => m.table)).size).toBe(inRound.length);
    }
    const pairs = new Set(schedule.meetings.map((m) => `${m.hromada.id}|${m.partner.id}`));
    expect(pairs.size).toBe(33);
    for (const [i, h] of hromadas.entries()) expect(pairs.has(`${h}|${partners[i]}`)).toBe(true);
    expect(schedule.meetings.filter((m) => m.mutual)).toHaveLength(11);
    expect(schedule.unmet).toEqual([]);
    expect(schedule.grid).toHaveLength(3);
    expect(schedule.grid.every((row) => row.length === 11)).toBe(true);
    const [stored] = await rows<{ n: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n FROM conference_meetings WHERE conference_id = ${conference.id}`,
    );
    expect(stored?.n).toBe(33);
  });

  it("replaces the previous schedule when planned again", async () => {
    const res = await app.request(
      `${base()}/schedule`,
      send("POST", { rounds: 2, tables: 5, minMeetings: 0 }, coordinator.headers),
    );
    const again = ConferenceScheduleView.parse(await res.json());
    expect(again.meetings).toHaveLength(10);
    const restored = await app.request(
      `${base()}/schedule`,
      send("POST", { rounds: 3, tables: 11, minMeetings: 2 }, coordinator.headers),
    );
    schedule = ConferenceScheduleView.parse(await restored.json());
    const read = ConferenceScheduleView.parse(
      await (
        await app.request(`${base()}/schedule`, { headers: participantEditor.headers })
      ).json(),
    );
    expect(read.meetings.map((m) => [m.round, m.table, m.hromada.id, m.partner.id])).toEqual(
      schedule.meetings.map((m) => [m.round, m.table, m.hromada.id, m.partner.id]),
    );
  });

  it("exports the schedule as CSV: one row per meeting, in round and table order", async () => {
    const url = `${base()}/schedule?format=csv`;
    const filename = `conference-${conference.id}-schedule.csv`;
    const lines = await csvRows(await app.request(url, { headers: coordinator.headers }), filename);
    expect(lines[0]).toBe(
      "round,table,hromada_id,hromada,hromada_region,partner_id,partner,partner_country,partner_region," +
        "mutual,interest,outcome,partnership_id",
    );
    expect(lines).toHaveLength(schedule.meetings.length + 1);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual(
      schedule.meetings.map((m) => [String(m.round), String(m.table), m.hromada.id]),
    );
    const trickyPartner = lines.filter((l) => l.includes(`,${partners[10]},`));
    expect(trickyPartner).toHaveLength(
      schedule.meetings.filter((m) => m.partner.id === partners[10]).length,
    );
    expect(trickyPartner.length).toBeGreaterThan(0);
    for (const l of trickyPartner) expect(l).toContain(`,${partners[10]},${TRICKY_CELL},DE,`);
    // Editors of participants download it too; everyone else is refused as for the JSON.
    const own = await csvRows(
      await app.request(url, { headers: participantEditor.headers }),
      filename,
    );
    expect(own).toEqual(lines);
    await problem(await app.request(url), 401, "unauthorized");
    await problem(await app.request(url, { headers: outsiderEditor.headers }), 403, "forbidden");
    await problem(
      await app.request(`${base()}/schedule?format=xml`, { headers: coordinator.headers }),
      400,
      "validation-failed",
    );
  });

  it("writes letters of intent back as partnerships, once", async () => {
    const [first, second, third] = schedule.meetings;
    if (!first || !second || !third) throw new Error("too few meetings");
    const before = await partnershipCount();
    const outcomes = [
      { hromadaId: first.hromada.id, partnerId: first.partner.id, outcome: "letter-of-intent" },
      { hromadaId: second.hromada.id, partnerId: second.partner.id, outcome: "letter-of-intent" },
      {
        hromadaId: third.hromada.id,
        partnerId: third.partner.id,
        outcome: "follow-up",
        note: "Study visit in May",
      },
    ];
    const res = await app.request(
      `${base()}/outcomes`,
      send("POST", { outcomes }, coordinator.headers),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const body = ConferenceOutcomes.parse(await res.json());
    expect(body.outcomes).toHaveLength(3);
    const loi = body.outcomes.filter((o) => o.outcome === "letter-of-intent");
    expect(loi.every((o) => o.partnershipId)).toBe(true);
    expect(await partnershipCount()).toBe(before + 2);
    const created = await rows<{ stage: string; agreement_type: string; signed_on: string }>(
      t.db.orm,
      sql`SELECT stage, agreement_type, to_char(signed_on, 'YYYY-MM-DD') AS signed_on FROM partnerships
          WHERE id = ${loi[0]?.partnershipId ?? ""}`,
    );
    expect(created).toEqual([
      { stage: "letter-of-intent", agreement_type: "letter-of-intent", signed_on: "2023-06-12" },
    ]);

    const again = await app.request(
      `${base()}/outcomes`,
      send("POST", { outcomes }, coordinator.headers),
    );
    expect(again.status).toBe(200);
    expect(await partnershipCount()).toBe(before + 2);
    const schedule2 = ConferenceScheduleView.parse(
      await (await app.request(`${base()}/schedule`, { headers: coordinator.headers })).json(),
    );
    expect(schedule2.meetings.filter((m) => m.outcome === "letter-of-intent")).toHaveLength(2);
  });

  it("exports the outcomes as CSV with names, slot and note", async () => {
    const meeting = schedule.meetings.find((m) => m.partner.id === partners[10]);
    if (!meeting) throw new Error("the last partner has no meeting");
    const recorded = await app.request(
      `${base()}/outcomes`,
      send(
        "POST",
        {
          outcomes: [
            {
              hromadaId: meeting.hromada.id,
              partnerId: meeting.partner.id,
              outcome: "follow-up",
              note: TRICKY,
            },
          ],
        },
        coordinator.headers,
      ),
    );
    expect(recorded.status, await recorded.clone().text()).toBe(200);
    const outcomes = ConferenceOutcomes.parse(await recorded.json());
    const lines = await csvRows(
      await app.request(`${base()}/outcomes?format=csv`, { headers: coordinator.headers }),
      `conference-${conference.id}-outcomes.csv`,
    );
    expect(lines[0]).toBe(
      "round,table,hromada_id,hromada,partner_id,partner,partner_country,outcome,note,recorded_at,partnership_id",
    );
    expect(lines).toHaveLength(outcomes.outcomes.length + 1);
    expect(lines).toContain(
      `${meeting.round},${meeting.table},${meeting.hromada.id},${meeting.hromada.name},` +
        `${meeting.partner.id},${TRICKY_CELL},DE,follow-up,${TRICKY_CELL},` +
        `${outcomes.outcomes.find((o) => o.partnerId === partners[10])?.recordedAt},`,
    );
    // Ordered as the schedule: by round, then table.
    const slots = lines.slice(1).map((l) => l.split(",").slice(0, 2).map(Number));
    expect(slots).toEqual(
      [...slots].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)),
    );
    await problem(
      await app.request(`${base()}/outcomes?format=csv`, { headers: participantEditor.headers }),
      403,
      "forbidden",
    );
    await problem(
      await app.request(`${base()}/outcomes?format=xml`, { headers: coordinator.headers }),
      400,
      "validation-failed",
    );
  });

  it("answers 422 for an outcome of a pair that did not meet", async () => {
    const met = new Set(schedule.meetings.map((m) => `${m.hromada.id}|${m.partner.id}`));
    const h = hromadas.find((x) => !met.has(`${x}|${partners[0]}`)) ?? "";
    const before = await partnershipCount();
    await problem(
      await app.request(
        `${base()}/outcomes`,
        send(
          "POST",
          { outcomes: [{ hromadaId: h, partnerId: partners[0], outcome: "letter-of-intent" }] },
          coordinator.headers,
        ),
      ),
      422,
      "unprocessable",
    );
    expect(await partnershipCount()).toBe(before);
  });

  it.each([
    ["POST", "/conferences", { startsOn: "2023-06-12" }],
    ["POST", "/conferences", { title: "x", startsOn: "12 June" }],
    ["POST", "/conferences/{id}/schedule", { rounds: 0, tables: 11 }],
    ["PUT", "/conferences/{id}/participants", { municipalityIds: ["a", "a"] }],
    ["PUT", "/conferences/{id}/wishes", { wishes: [{ fromId: "a" }] }],
    [
      "POST",
      "/conferences/{id}/outcomes",
      { outcomes: [{ hromadaId: "a", partnerId: "b", outcome: "maybe" }] },
    ],
  ])("%s %s rejects an invalid body with 400", async (method, path, body) => {
    await problem(
      await app.request(
        `/api/v1${path.replace("{id}", conference.id)}`,
        send(method, body, coordinator.headers),
      ),
      400,
      "validation-failed",
    );
  });

  it("returns 404 for an unknown conference", async () => {
    await problem(await app.request("/api/v1/conferences/nope"), 404, "not-found");
    await problem(
      await app.request(
        "/api/v1/conferences/nope/schedule",
        send("POST", { rounds: 1, tables: 1 }, coordinator.headers),
      ),
      404,
      "not-found",
    );
  });

  it.each([
    ["POST", "/conferences", { title: "x", startsOn: "2023-06-12" }],
    ["PUT", "/conferences/{id}/participants", { municipalityIds: [] }],
    ["POST", "/conferences/{id}/participants", { municipalityIds: [] }],
    ["PUT", "/conferences/{id}/wishes", { wishes: [] }],
    ["POST", "/conferences/{id}/schedule", { rounds: 1, tables: 1 }],
    ["POST", "/conferences/{id}/outcomes", { outcomes: [] }],
  ])("%s %s needs a coordinator: 401 anonymous, 403 for an editor", async (method, path, body) => {
    const url = `/api/v1${path.replace("{id}", conference.id)}`;
    await problem(await app.request(url, send(method, body)), 401, "unauthorized");
    await problem(
      await app.request(url, send(method, body, participantEditor.headers)),
      403,
      "forbidden",
    );
  });

  it("shows the schedule to coordinators and participants' editors only", async () => {
    await problem(await app.request(`${base()}/schedule`), 401, "unauthorized");
    await problem(
      await app.request(`${base()}/schedule`, { headers: outsiderEditor.headers }),
      403,
      "forbidden",
    );
    const own = await app.request(`${base()}/schedule`, { headers: participantEditor.headers });
    expect(own.status).toBe(200);
  });
});
