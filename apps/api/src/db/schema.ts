// Drizzle mirror of src/db/migrations/*.sql. The SQL files are the source of truth; keep this
// file in step with them (schema.test.ts compares the two).
import {
  bigint,
  boolean,
  char,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });
const created = () => ts("created_at").notNull().defaultNow();
const updated = () => ts("updated_at").notNull().defaultNow();

export const municipalities = pgTable(
  "municipalities",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["hromada", "partner"] }).notNull(),
    country: char("country", { length: 2 }).notNull(),
    officialCode: text("official_code").notNull(),
    names: jsonb("names").notNull(),
    sortName: text("sort_name").notNull(),
    searchKeys: text("search_keys").notNull(),
    regionCode: text("region_code").notNull(),
    regionName: text("region_name").notNull(),
    regionIso: text("region_iso"),
    raionCode: text("raion_code"),
    population: integer("population"),
    populationYear: integer("population_year"),
    areaKm2: doublePrecision("area_km2"),
    centreLat: doublePrecision("centre_lat"),
    centreLon: doublePrecision("centre_lon"),
    situation: text("situation"),
    capacity: integer("capacity"),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("published"),
    optOut: boolean("opt_out").notNull().default(false),
    source: text("source").notNull().default("manual"),
    data: jsonb("data").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [unique("municipalities_country_code_key").on(t.country, t.officialCode)],
);

export const contactPersons = pgTable("contact_persons", {
  id: text("id").primaryKey(),
  municipalityId: text("municipality_id")
    .notNull()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  role: text("role"),
  email: text("email"),
  phone: text("phone"),
  languages: text("languages").array().notNull().default([]),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const needs = pgTable("needs", {
  id: text("id").primaryKey(),
  municipalityId: text("municipality_id")
    .notNull()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  area: text("area").notNull(),
  horizon: text("horizon").notNull(),
  priority: text("priority").notNull(),
  status: text("status").notNull(),
  data: jsonb("data").notNull(),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const offers = pgTable("offers", {
  id: text("id").primaryKey(),
  municipalityId: text("municipality_id")
    .notNull()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  area: text("area").notNull(),
  experience: text("experience").notNull(),
  data: jsonb("data").notNull(),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const ties = pgTable(
  "ties",
  {
    id: text("id").primaryKey(),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    foreignTown: text("foreign_town").notNull(),
    foreignCountry: char("foreign_country", { length: 2 }).notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    data: jsonb("data").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [unique("ties_natural_key").on(t.municipalityId, t.foreignCountry, t.foreignTown)],
);

export const partnerships = pgTable("partnerships", {
  id: text("id").primaryKey(),
  hromadaId: text("hromada_id")
    .notNull()
    .references(() => municipalities.id, { onDelete: "restrict" }),
  agreementType: text("agreement_type").notNull(),
  stage: text("stage").notNull(),
  areas: text("areas").array().notNull().default([]),
  funding: text("funding").array().notNull().default([]),
  signedOn: date("signed_on", { mode: "string" }),
  data: jsonb("data").notNull(),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const partnershipPartners = pgTable(
  "partnership_partners",
  {
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.municipalityId] })],
);

export const partnershipEvents = pgTable(
  "partnership_events",
  {
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    at: ts("at").notNull(),
    by: text("by").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.seq] })],
);

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: ["coordinator", "editor"] }).notNull(),
  municipalityId: text("municipality_id").references(() => municipalities.id, {
    onDelete: "cascade",
  }),
  passwordHash: text("password_hash"),
  disabledAt: ts("disabled_at"),
  createdAt: created(),
  updatedAt: updated(),
});

export const sessions = pgTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: created(),
  expiresAt: ts("expires_at").notNull(),
  lastSeenAt: ts("last_seen_at"),
});

export const invites = pgTable("invites", {
  tokenHash: text("token_hash").primaryKey(),
  email: text("email").notNull(),
  role: text("role", { enum: ["coordinator", "editor"] }).notNull(),
  municipalityId: text("municipality_id").references(() => municipalities.id, {
    onDelete: "cascade",
  }),
  invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: created(),
  expiresAt: ts("expires_at").notNull(),
  acceptedAt: ts("accepted_at"),
});

export const auditLog = pgTable("audit_log", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts("at").notNull().defaultNow(),
  actorId: text("actor_id"),
  actorLabel: text("actor_label").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  action: text("action").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
  requestId: text("request_id"),
});

export const rounds = pgTable("rounds", {
  id: text("id").primaryKey(),
  method: text("method").notNull(),
  status: text("status", { enum: ["draft", "proposed", "accepted", "discarded"] })
    .notNull()
    .default("proposed"),
  params: jsonb("params").notNull().default({}),
  problem: jsonb("problem"),
  result: jsonb("result"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const roundProposals = pgTable(
  "round_proposals",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    hromadaId: text("hromada_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    score: doublePrecision("score").notNull(),
    rank: integer("rank"),
    status: text("status", { enum: ["proposed", "accepted", "rejected"] })
      .notNull()
      .default("proposed"),
    explanation: jsonb("explanation").notNull().default({}),
    partnershipId: text("partnership_id").references(() => partnerships.id, {
      onDelete: "set null",
    }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.hromadaId, t.partnerId] })],
);

export const conferences = pgTable("conferences", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }),
  location: text("location"),
  status: text("status", { enum: ["planned", "open", "scheduled", "held", "cancelled"] })
    .notNull()
    .default("planned"),
  data: jsonb("data").notNull().default({}),
  version: integer("version").notNull().default(1),
  createdAt: created(),
  updatedAt: updated(),
});

export const conferenceParticipants = pgTable(
  "conference_participants",
  {
    conferenceId: text("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    data: jsonb("data").notNull().default({}),
    registeredAt: ts("registered_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.municipalityId] })],
);

export const conferenceWishes = pgTable(
  "conference_wishes",
  {
    conferenceId: text("conference_id").notNull(),
    fromId: text("from_id").notNull(),
    toId: text("to_id").notNull(),
    rank: integer("rank").notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.fromId, t.toId] })],
);

export const conferenceMeetings = pgTable(
  "conference_meetings",
  {
    conferenceId: text("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    slot: integer("slot").notNull(),
    startsAt: ts("starts_at"),
    tableLabel: text("table_label"),
    hromadaId: text("hromada_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.conferenceId, t.slot, t.hromadaId] }),
    unique("conference_meetings_partner_slot").on(t.conferenceId, t.slot, t.partnerId),
  ],
);

export const conferenceOutcomes = pgTable(
  "conference_outcomes",
  {
    conferenceId: text("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    hromadaId: text("hromada_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: ["no-follow-up", "follow-up", "letter-of-intent"] }).notNull(),
    note: text("note"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: ts("recorded_at").notNull().defaultNow(),
    partnershipId: text("partnership_id").references(() => partnerships.id, {
      onDelete: "set null",
    }),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.hromadaId, t.partnerId] })],
);

export const questionnaires = pgTable("questionnaires", {
  id: text("id").primaryKey(),
  municipalityId: text("municipality_id").references(() => municipalities.id, {
    onDelete: "set null",
  }),
  status: text("status", { enum: ["submitted", "accepted", "rejected"] })
    .notNull()
    .default("submitted"),
  data: jsonb("data").notNull(),
  submittedAt: ts("submitted_at").notNull().defaultNow(),
  reviewedAt: ts("reviewed_at"),
  reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
});

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    key: text("key").notNull(),
    scope: text("scope").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Applied and refused reference imports: fingerprints and reports (0005_reference_imports.sql). */
export const referenceImports = pgTable("reference_imports", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts("at").notNull(),
  source: text("source"),
  filesHash: text("files_hash").notNull(),
  importerVersion: text("importer_version").notNull(),
  outcome: text("outcome").notNull(),
  message: text("message").notNull(),
  report: jsonb("report").notNull(),
});

/** Every table, for drizzle's relational query builder and the schema test. */
export const schema = {
  municipalities,
  contactPersons,
  needs,
  offers,
  ties,
  partnerships,
  partnershipPartners,
  partnershipEvents,
  users,
  sessions,
  invites,
  auditLog,
  rounds,
  roundProposals,
  conferences,
  conferenceParticipants,
  conferenceWishes,
  conferenceMeetings,
  conferenceOutcomes,
  questionnaires,
  idempotencyKeys,
  referenceImports,
};
