// Test helpers for signed-in requests: users of each role with live sessions, and small
// municipalities to attach editors to. They write straight to the tables, so a test of one route
// does not depend on the sign-in or invite routes working.
import {
  type Hromada,
  Municipality,
  municipalityId,
  type Partner,
  type QuestionnaireInput,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import type { Db } from "../db/db";
import { hashPassword } from "../lib/crypto";
import type { Actor, Role } from "../services/auth/actor";
import { createSession } from "../services/auth/create-session";
import { upsertMunicipalities } from "../services/catalogue/upsert-municipalities";
import { TEST_NOW, testContext } from "./test-app";

/** A user with a live session. `headers` carry the bearer token. */
export interface TestUser {
  userId: string;
  email: string;
  password: string;
  token: string;
  actor: Actor;
  headers: { authorization: string };
}

/** Request headers that sign a request in with a session token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

let sequence = 0;
const next = () =>
  `${process.pid.toString(36)}${(++sequence).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Few PBKDF2 iterations: these hashes only need to verify, not to resist cracking. */
const TEST_ITERATIONS = 1_000;

/**
 * Inserts a user of `role` (editors need `municipalityId`) and opens a session valid until well
 * after TEST_NOW.
 * @example
 * const editor = await createTestUser(db, { role: "editor", municipalityId: hromada.id });
 * await app.request(url, { method: "PATCH", headers: { ...editor.headers, "if-match": '"1"' }, body });
 */
export async function createTestUser(
  db: Db,
  opts: {
    role: Role;
    municipalityId?: string | null;
    email?: string;
    name?: string;
    password?: string;
  },
): Promise<TestUser> {
  const id = `user-${next()}`;
  const email = opts.email ?? `${id}@example.org`;
  const name = opts.name ?? `Test ${opts.role} ${id}`;
  const password = opts.password ?? `pw-${next()}-long-enough`;
  const municipality = opts.municipalityId ?? null;
  if (opts.role === "editor" && !municipality) throw new Error("an editor needs a municipalityId");
  await db.orm.execute(sql`INSERT INTO users (id, email, name, role, municipality_id, password_hash)
    VALUES (${id}, ${email}, ${name}, ${opts.role}, ${municipality}, ${await hashPassword(password, TEST_ITERATIONS)})`);
  const { token } = await createSession({
    tx: db.orm,
    ctx: testContext(db),
    userId: id,
    ttlMs: 365 * 24 * 3600 * 1000,
  });
  return {
    userId: id,
    email,
    password,
    token,
    actor: {
      userId: id,
      role: opts.role,
      municipalityId: opts.role === "editor" ? municipality : null,
      label: name,
    },
    headers: bearer(token),
  };
}

/** Inserts a published hromada or partner with a unique official code, and returns it. */
export async function createTestMunicipality(
  db: Db,
  opts: { kind: "hromada" | "partner"; name?: string; status?: "draft" | "published" },
): Promise<Municipality> {
  sequence += 1;
  const n = sequence;
  const digits = String(Date.now() % 1e9).padStart(9, "0") + String(n).padStart(8, "0");
  const status = opts.status ?? "published";
  let m: Municipality;
  if (opts.kind === "hromada") {
    const officialCode = `UA${digits.slice(-17)}`;
    const input: Partial<Hromada> = {
      id: municipalityId("UA", officialCode),
      kind: "hromada",
      country: "UA",
      officialCode,
      names: {
        local: opts.name ?? `Тестова громада ${n}`,
        latin: opts.name ?? `Testova hromada ${n}`,
      },
      region: { code: "UA46000000000000000", name: "Львівська область", iso: "UA-46" },
      situation: { category: "rear", occupiedBefore2022: false },
      status,
    };
    m = Municipality.parse(input);
  } else {
    // Germany has no fixed code format in core, so codes can be unique across a whole test run.
    const officialCode = `T${digits.slice(-12)}`;
    const input: Partial<Partner> = {
      id: municipalityId("DE", officialCode),
      kind: "partner",
      country: "DE",
      officialCode,
      names: { local: opts.name ?? `Testgemeinde ${n}` },
      region: { code: "DE-BY", name: "Bayern", iso: "DE-BY" },
      status,
    };
    m = Municipality.parse(input);
  }
  await upsertMunicipalities({
    tx: db.orm,
    municipalities: [m],
    source: "manual",
    now: TEST_NOW.toISOString(),
  });
  return m;
}

/** The four callers every authorisation test runs as: anonymous, own editor, other editor, coordinator. */
export interface RoleSet {
  coordinator: TestUser;
  /** Editor of `hromada`. */
  hromadaEditor: TestUser;
  /** Editor of `partner`. */
  partnerEditor: TestUser;
  hromada: Municipality;
  partner: Municipality;
}

/** A hromada, a partner, an editor of each and a coordinator. */
export async function createRoleSet(db: Db): Promise<RoleSet> {
  const hromada = await createTestMunicipality(db, { kind: "hromada" });
  const partner = await createTestMunicipality(db, { kind: "partner" });
  const [coordinator, hromadaEditor, partnerEditor] = await Promise.all([
    createTestUser(db, { role: "coordinator" }),
    createTestUser(db, { role: "editor", municipalityId: hromada.id }),
    createTestUser(db, { role: "editor", municipalityId: partner.id }),
  ]);
  return { coordinator, hromadaEditor, partnerEditor, hromada, partner };
}

/** A valid intake questionnaire for a German municipality with a unique official code. */
export function sampleQuestionnaire(
  overrides: { email?: string; name?: string } = {},
): QuestionnaireInput {
  sequence += 1;
  return {
    municipality: {
      country: "DE",
      officialCode: `Q${Date.now().toString(36)}${sequence}`,
      name: overrides.name ?? `Fragebogenheim ${sequence}`,
      region: { code: "DE-BY", name: "Bayern", iso: "DE-BY" },
      population: 24_000,
    },
    contact: {
      name: "Anna Beispiel",
      email: overrides.email ?? `anna${sequence}@example.org`,
      languages: ["de", "en"],
    },
    motivation: "We want to support a Ukrainian hromada with water and energy expertise.",
    expertise: [
      { area: "water-sanitation", experience: "expert" },
      { area: "energy-heating", experience: "experienced", resources: ["training"] },
    ],
    capacity: { partnerships: 1, staffHoursPerMonth: 20, annualBudgetEur: 15_000 },
    preferences: { regions: ["UA-46"], zone: "any", size: "any" },
    languages: ["en", "de"],
    politicalDecision: { taken: true, date: "2026-03-01" },
  };
}
