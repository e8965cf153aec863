// Who may call which route. One row per route that changes something (plus the reads that need a
// role); each row runs as four callers against the real app, and every caller outside `allowed`
// must get 401 (anonymous) or 403 (signed in), everyone inside must get past the access check.
// To add a route: append a row to ROWS. `prepare` makes a fresh target for each call, so rows
// never depend on each other's side effects.

import { CreateRoundInput, Questionnaire } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, rows } from "../db/db";
import { createConference } from "../services/conferences/create-conference";
import { scheduleConference } from "../services/conferences/schedule-conference";
import { setParticipants } from "../services/conferences/set-participants";
import { createContact } from "../services/contacts/create-contact";
import type { ServiceContext } from "../services/context";
import { createInvite } from "../services/invites/create-invite";
import { createNeed } from "../services/needs/create-need";
import { createOffer } from "../services/offers/create-offer";
import { createPartnership } from "../services/partnerships/create-partnership";
import { submitQuestionnaire } from "../services/questionnaires/submit-questionnaire";
import { createRound } from "../services/rounds/create-round";
import { createTie } from "../services/ties/create-tie";
import {
  createRoleSet,
  createTestMunicipality,
  createTestUser,
  type RoleSet,
  sampleQuestionnaire,
} from "./auth";
import { TEST_NOW, testApp, testContext } from "./test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "./test-db";

/** The four callers: nobody, an editor of the row's target municipality, an editor of another, a coordinator. */
export type Caller = "anonymous" | "ownEditor" | "otherEditor" | "coordinator";
const CALLERS: readonly Caller[] = ["anonymous", "ownEditor", "otherEditor", "coordinator"];
const EVERYONE: Caller[] = [...CALLERS];
const SIGNED_IN: Caller[] = ["ownEditor", "otherEditor", "coordinator"];
const OWNERS: Caller[] = ["ownEditor", "coordinator"];
const COORDINATOR: Caller[] = ["coordinator"];

interface Ctx {
  db: Db;
  r: RoleSet;
  now: string;
}

interface Prepared {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixRow {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as documented, for the test name. */
  route: string;
  /** Whose municipality the route acts on: decides who the "own" editor is. */
  target: "hromada" | "partner";
  allowed: Caller[];
  prepare(ctx: Ctx): Promise<Prepared> | Prepared;
}

const coordinatorOf = (ctx: Ctx) => ctx.r.coordinator.actor;
const write = (ctx: Ctx) => ({
  ctx: testContext(ctx.db, {
    actor: coordinatorOf(ctx),
    now: new Date(ctx.now),
    requestId: "matrix",
  }),
});
async function versionOf(
  ctx: Ctx,
  table: "municipalities" | "needs" | "offers",
  id: string,
): Promise<string> {
  const [row] = await rows<{ version: number }>(
    ctx.db.orm,
    sql`SELECT version FROM ${sql.raw(table)} WHERE id = ${id}`,
  );
  return `"${row?.version ?? 0}"`;
}
let unique = 0;
function next(): string {
  unique += 1;
  return `${Date.now().toString(36)}${unique}`;
}
const API = "/api/v1";

export const ROWS: MatrixRow[] = [
  // access
  {
    method: "POST",
    route: "/auth/sign-in",
    target: "hromada",
    allowed: EVERYONE,
    prepare: async (ctx) => {
      const user = await createTestUser(ctx.db, { role: "coordinator" });
      return { path: `${API}/auth/sign-in`, body: { email: user.email, password: user.password } };
    },
  },
  {
    method: "POST",
    route: "/invites/accept",
    target: "hromada",
    allowed: EVERYONE,
    prepare: async (ctx) => {
      const invite = await createInvite({
        ctx: testContext(ctx.db),
        input: {
          email: `accept-${next()}@example.org`,
          role: "editor",
          municipalityId: ctx.r.hromada.id,
        },
        as: "matrix",
      });
      return {
        path: `${API}/invites/accept`,
        body: { token: invite.token, name: "New Editor", password: "a long enough password" },
      };
    },
  },
  {
    method: "POST",
    route: "/invites",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({
      path: `${API}/invites`,
      body: { email: `invitee-${next()}@example.org`, role: "coordinator" },
    }),
  },
  {
    method: "POST",
    route: "/users/{id}/disable",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => {
      const user = await createTestUser(ctx.db, {
        role: "editor",
        municipalityId: ctx.r.hromada.id,
      });
      return { path: `${API}/users/${user.userId}/disable` };
    },
  },
  {
    method: "GET",
    route: "/users",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/users` }),
  },
  {
    method: "GET",
    route: "/reference/imports",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/reference/imports` }),
  },
  {
    method: "GET",
    route: "/reference/imports/{id}",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => {
      const [row] = await rows<{ id: number }>(
        ctx.db.orm,
        sql`INSERT INTO reference_imports (at, files_hash, importer_version, outcome, message, report)
          VALUES (${ctx.now}::timestamptz, 'test', 'test', 'applied', 'test',
            '{"errors": [], "warnings": [], "situationChanges": []}'::jsonb)
          RETURNING id`,
      );
      return { path: `${API}/reference/imports/${row?.id}` };
    },
  },
  // profiles
  {
    method: "POST",
    route: "/municipalities",
    target: "partner",
    allowed: COORDINATOR,
    prepare: () => ({
      path: `${API}/municipalities`,
      body: {
        kind: "partner",
        country: "DE",
        officialCode: `M${next()}`,
        names: { local: "Neustadt" },
        region: { code: "DE-BY", name: "Bayern" },
      },
    }),
  },
  {
    method: "PATCH",
    route: "/municipalities/{id}",
    target: "hromada",
    allowed: OWNERS,
    prepare: async (ctx) => ({
      path: `${API}/municipalities/${ctx.r.hromada.id}`,
      body: { description: `Edited ${next()}` },
      headers: { "if-match": await versionOf(ctx, "municipalities", ctx.r.hromada.id) },
    }),
  },
  {
    method: "POST",
    route: "/municipalities/{id}/needs",
    target: "hromada",
    allowed: OWNERS,
    prepare: (ctx) => ({
      path: `${API}/municipalities/${ctx.r.hromada.id}/needs`,
      body: { area: "energy-heating", horizon: "short-term" },
    }),
  },
  ...(["PATCH", "DELETE"] as const).map(
    (method): MatrixRow => ({
      method,
      route: "/municipalities/{id}/needs/{needId}",
      target: "hromada",
      allowed: OWNERS,
      prepare: async (ctx) => {
        const need = await createNeed({
          ...write(ctx),
          municipalityId: ctx.r.hromada.id,
          input: {
            area: "waste",
            horizon: "long-term",
            priority: "high",
            description: "",
            status: "open",
          },
        });
        return {
          path: `${API}/municipalities/${ctx.r.hromada.id}/needs/${need.id}`,
          headers: { "if-match": `"${need.version}"` },
          ...(method === "PATCH" ? { body: { priority: "critical" } } : {}),
        };
      },
    }),
  ),
  {
    method: "POST",
    route: "/municipalities/{id}/offers",
    target: "partner",
    allowed: OWNERS,
    prepare: (ctx) => ({
      path: `${API}/municipalities/${ctx.r.partner.id}/offers`,
      body: { area: "water-sanitation" },
    }),
  },
  ...(["PATCH", "DELETE"] as const).map(
    (method): MatrixRow => ({
      method,
      route: "/municipalities/{id}/offers/{offerId}",
      target: "partner",
      allowed: OWNERS,
      prepare: async (ctx) => {
        const offer = await createOffer({
          ...write(ctx),
          municipalityId: ctx.r.partner.id,
          input: { area: "waste", experience: "basic", resources: ["expertise"], description: "" },
        });
        return {
          path: `${API}/municipalities/${ctx.r.partner.id}/offers/${offer.id}`,
          headers: { "if-match": `"${offer.version}"` },
          ...(method === "PATCH" ? { body: { experience: "expert" } } : {}),
        };
      },
    }),
  ),
  {
    method: "GET",
    route: "/municipalities/{id}/contacts",
    target: "hromada",
    allowed: SIGNED_IN,
    prepare: (ctx) => ({ path: `${API}/municipalities/${ctx.r.hromada.id}/contacts` }),
  },
  {
    method: "POST",
    route: "/municipalities/{id}/contacts",
    target: "hromada",
    allowed: OWNERS,
    prepare: (ctx) => ({
      path: `${API}/municipalities/${ctx.r.hromada.id}/contacts`,
      body: { name: "Olena Test" },
    }),
  },
  ...(["PATCH", "DELETE"] as const).map(
    (method): MatrixRow => ({
      method,
      route: "/municipalities/{id}/contacts/{contactId}",
      target: "hromada",
      allowed: OWNERS,
      prepare: async (ctx) => {
        const contact = await createContact({
          ...write(ctx),
          municipalityId: ctx.r.hromada.id,
          input: { name: "Taras Test", languages: ["uk"] },
        });
        return {
          path: `${API}/municipalities/${ctx.r.hromada.id}/contacts/${contact.id}`,
          headers: { "if-match": `"${contact.version}"` },
          ...(method === "PATCH" ? { body: { role: "Mayor" } } : {}),
        };
      },
    }),
  ),
  // questionnaires
  {
    method: "POST",
    route: "/questionnaires",
    target: "partner",
    allowed: EVERYONE,
    prepare: () => ({ path: `${API}/questionnaires`, body: sampleQuestionnaire() }),
  },
  {
    method: "GET",
    route: "/questionnaires",
    target: "partner",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/questionnaires` }),
  },
  ...(["approve", "reject"] as const).map(
    (verb): MatrixRow => ({
      method: "POST",
      route: `/questionnaires/{id}/${verb}`,
      target: "partner",
      allowed: COORDINATOR,
      prepare: async (ctx) => {
        const { submission: q } = await submitQuestionnaire({
          ctx: testContext(ctx.db, { now: new Date(ctx.now), requestId: "matrix" }),
          input: Questionnaire.parse(sampleQuestionnaire()),
        });
        return {
          path: `${API}/questionnaires/${q.id}/${verb}`,
          ...(verb === "reject" ? { body: {} } : {}),
        };
      },
    }),
  ),
  // privacy
  {
    method: "POST",
    route: "/privacy/erase",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({
      path: `${API}/privacy/erase`,
      body: { email: `nobody-${next()}@example.org` },
    }),
  },
  {
    method: "GET",
    route: "/privacy/export",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/privacy/export?email=someone-else@example.org` }),
  },
  // matching: suggestions, rounds, conferences
  {
    method: "GET",
    route: "/municipalities/{id}/suggestions",
    target: "hromada",
    allowed: OWNERS,
    prepare: (ctx) => ({ path: `${API}/municipalities/${ctx.r.hromada.id}/suggestions?k=3` }),
  },
  {
    method: "POST",
    route: "/rounds",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: (ctx) => ({
      path: `${API}/rounds`,
      body: { hromadas: { ids: [ctx.r.hromada.id] }, partners: { ids: [ctx.r.partner.id] } },
    }),
  },
  {
    method: "GET",
    route: "/rounds",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/rounds` }),
  },
  {
    method: "GET",
    route: "/settings/matching",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({ path: `${API}/settings/matching` }),
  },
  {
    method: "PUT",
    route: "/settings/matching",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({
      path: `${API}/settings/matching`,
      body: { excludeFlaggedTies: false },
    }),
  },
  {
    method: "POST",
    route: "/rounds/{id}/accept",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => {
      const round = await createRound({
        ctx: coordinatorContext(ctx),
        input: CreateRoundInput.parse({
          hromadas: { ids: [ctx.r.hromada.id] },
          partners: { ids: [ctx.r.partner.id] },
          minScore: 1000,
        }),
      });
      return { path: `${API}/rounds/${round.id}/accept`, body: { all: true } };
    },
  },
  {
    method: "POST",
    route: "/conferences",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: () => ({
      path: `${API}/conferences`,
      body: { title: `Conference ${next()}`, startsOn: "2023-06-12" },
    }),
  },
  ...(["PUT", "POST"] as const).map(
    (method): MatrixRow => ({
      method,
      route: "/conferences/{id}/participants",
      target: "hromada",
      allowed: COORDINATOR,
      prepare: async (ctx) => ({
        path: `${API}/conferences/${await matchingConference(ctx, [])}/participants`,
        body: { municipalityIds: [ctx.r.hromada.id, ctx.r.partner.id] },
      }),
    }),
  ),
  {
    method: "PUT",
    route: "/conferences/{id}/wishes",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => ({
      path: `${API}/conferences/${await matchingConference(ctx, [ctx.r.hromada.id, ctx.r.partner.id])}/wishes`,
      body: { wishes: [{ fromId: ctx.r.hromada.id, toIds: [ctx.r.partner.id] }] },
    }),
  },
  {
    method: "POST",
    route: "/conferences/{id}/schedule",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => ({
      path: `${API}/conferences/${await matchingConference(ctx, [ctx.r.hromada.id, ctx.r.partner.id])}/schedule`,
      body: { rounds: 1, tables: 1 },
    }),
  },
  {
    method: "GET",
    route: "/conferences/{id}/schedule",
    target: "hromada",
    // Coordinators, and editors of a participant (here only the hromada takes part).
    allowed: OWNERS,
    prepare: async (ctx) => ({
      path: `${API}/conferences/${await matchingConference(ctx, [ctx.r.hromada.id])}/schedule`,
    }),
  },
  {
    method: "POST",
    route: "/conferences/{id}/outcomes",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: async (ctx) => {
      const id = await matchingConference(ctx, [ctx.r.hromada.id, ctx.r.partner.id]);
      await scheduleConference({
        ctx: coordinatorContext(ctx),
        id,
        input: { rounds: 1, tables: 1, minMeetings: 1 },
      });
      return {
        path: `${API}/conferences/${id}/outcomes`,
        body: {
          outcomes: [
            { hromadaId: ctx.r.hromada.id, partnerId: ctx.r.partner.id, outcome: "follow-up" },
          ],
        },
      };
    },
  },
  // partnerships and ties
  {
    method: "POST",
    route: "/partnerships",
    target: "hromada",
    allowed: COORDINATOR,
    prepare: (ctx) => ({
      path: `${API}/partnerships`,
      body: {
        hromadaId: ctx.r.hromada.id,
        partnerIds: [ctx.r.partner.id],
        agreementType: "twin-town",
      },
    }),
  },
  {
    method: "POST",
    route: "/partnerships/{id}/moves",
    target: "hromada",
    // Coordinators, and editors of one of its municipalities: the other editor's partner is not in it.
    allowed: OWNERS,
    prepare: async (ctx) => {
      const partner = await createTestMunicipality(ctx.db, { kind: "partner" });
      const created = await createPartnership({
        ctx: coordinatorContext(ctx),
        input: {
          hromadaId: ctx.r.hromada.id,
          partnerIds: [partner.id],
          agreementType: "municipal-partnership",
          areas: [],
          funding: [],
          stage: "interest",
        },
      });
      return {
        path: `${API}/partnerships/${created.partnership.id}/moves`,
        body: { to: "contact" },
        headers: { "if-match": `"${created.version}"` },
      };
    },
  },
  {
    method: "POST",
    route: "/municipalities/{id}/ties",
    target: "hromada",
    allowed: OWNERS,
    prepare: (ctx) => ({
      path: `${API}/municipalities/${ctx.r.hromada.id}/ties`,
      body: { foreignTown: `Town ${next()}`, foreignCountry: "PL" },
    }),
  },
  {
    method: "PATCH",
    route: "/ties/{id}",
    target: "hromada",
    allowed: OWNERS,
    prepare: async (ctx) => {
      const tie = await createTie({
        ctx: coordinatorContext(ctx),
        municipalityId: ctx.r.hromada.id,
        input: {
          foreignTown: `Town ${next()}`,
          foreignCountry: "RU",
          type: "twin-town",
          status: "active",
        },
      });
      return {
        path: `${API}/ties/${tie.tie.id}`,
        body: { status: "frozen", decisionDate: "2026-03-01" },
        headers: { "if-match": `"${tie.version}"` },
      };
    },
  },
];

/** The matrix's coordinator, calling services directly to set up a case. */
function coordinatorContext(ctx: Ctx): ServiceContext {
  return testContext(ctx.db, { actor: ctx.r.coordinator.actor, now: new Date(ctx.now) });
}

/** A fresh conference with these participants; returns its id. */
async function matchingConference(ctx: Ctx, participants: string[]): Promise<string> {
  const c = coordinatorContext(ctx);
  const conference = await createConference({
    ctx: c,
    input: { title: `Conference ${next()}`, startsOn: "2023-06-12" },
  });
  if (participants.length > 0) {
    await setParticipants({
      ctx: c,
      id: conference.id,
      municipalityIds: participants,
      replace: true,
    });
  }
  return conference.id;
}

/** Routes every caller may use on their own session only; auth.test.ts covers them. */
const NOT_IN_MATRIX = new Set(["POST /api/v1/auth/sign-out"]);

describe.each(ENGINES)("authorization matrix on %s", (engine) => {
  let t: TestDatabase;
  let ctx: Ctx;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    ctx = { db: t.db, r: await createRoleSet(t.db), now: TEST_NOW.toISOString() };
    app = testApp(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  function headersFor(caller: Caller, target: MatrixRow["target"]): Record<string, string> {
    const { r } = ctx;
    switch (caller) {
      case "anonymous":
        return {};
      case "coordinator":
        return r.coordinator.headers;
      case "ownEditor":
        return (target === "hromada" ? r.hromadaEditor : r.partnerEditor).headers;
      case "otherEditor":
        return (target === "hromada" ? r.partnerEditor : r.hromadaEditor).headers;
    }
  }

  it("has a row for every route that changes something", () => {
    const doc = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "matrix", version: "1" },
    });
    const covered = new Set(ROWS.map((row) => `${row.method} ${API}${row.route}`));
    const missing = Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops ?? {})
        .map((m) => m.toUpperCase())
        .filter((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m))
        .map((m) => `${m} ${path}`)
        .filter((op) => !covered.has(op) && !NOT_IN_MATRIX.has(op)),
    );
    expect(missing).toEqual([]);
  });

  const cases = ROWS.flatMap((row) =>
    CALLERS.map((caller) => ({ row, caller, allowed: row.allowed.includes(caller) })),
  );

  it.each(
    cases.map(
      (c) =>
        [`${c.row.method} ${c.row.route}`, c.caller, c.allowed ? "allowed" : "denied", c] as const,
    ),
  )("%s as %s is %s", async (_name, caller, _verdict, { row, allowed }) => {
    const prepared = await row.prepare(ctx);
    const res = await app.request(prepared.path, {
      method: row.method,
      headers: {
        ...(prepared.body === undefined ? {} : { "content-type": "application/json" }),
        ...headersFor(caller, row.target),
        ...prepared.headers,
      },
      ...(prepared.body === undefined ? {} : { body: JSON.stringify(prepared.body) }),
    });
    const text = await res.text();
    expect(res.status, text).toBeLessThan(500);
    if (allowed) {
      expect([401, 403], text).not.toContain(res.status);
      expect(res.status, text).toBeLessThan(300);
    } else {
      expect(res.status, text).toBe(caller === "anonymous" ? 401 : 403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
