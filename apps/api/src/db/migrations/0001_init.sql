-- Pobratym: one schema for the whole product. Later work adds routes, not tables.
-- Every entity keeps its validated core shape in `data` (jsonb); the columns beside it are the
-- ones we filter, join or constrain on. Personal data lives only in tables that can be erased
-- (contact_persons, users, invites, sessions), never inside `data`.

CREATE TABLE municipalities (
  id               text PRIMARY KEY,                       -- core municipalityId(country, officialCode)
  kind             text NOT NULL CHECK (kind IN ('hromada', 'partner')),
  country          char(2) NOT NULL,
  official_code    text NOT NULL,
  names            jsonb NOT NULL,
  sort_name        text NOT NULL,                          -- searchKey of the Latin (or local) name
  search_keys      text NOT NULL,                          -- core searchKey of every name, space separated
  region_code      text NOT NULL,
  region_name      text NOT NULL,
  region_iso       text,
  raion_code       text,
  population       integer CHECK (population >= 0),
  population_year  integer,
  area_km2         double precision,
  centre_lat       double precision,                       -- administrative centre, never finer
  centre_lon       double precision,
  situation        text CHECK (situation IN ('occupied', 'frontline', 'deoccupied', 'rear')),
  capacity         integer CHECK (capacity >= 0),
  status           text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  opt_out          boolean NOT NULL DEFAULT false,
  source           text NOT NULL DEFAULT 'manual',         -- demo | reference | questionnaire | manual
  data             jsonb NOT NULL,                         -- the full validated entity, without contacts
  version          integer NOT NULL DEFAULT 1,             -- optimistic concurrency (ETag / If-Match)
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT municipalities_country_code_key UNIQUE (country, official_code),
  CONSTRAINT municipalities_kind_country CHECK ((kind = 'hromada') = (country = 'UA'))
);
CREATE INDEX municipalities_list_idx ON municipalities (status, sort_name, id);
CREATE INDEX municipalities_country_idx ON municipalities (country);
CREATE INDEX municipalities_region_idx ON municipalities (region_iso);
CREATE INDEX municipalities_situation_idx ON municipalities (situation);

-- Personal data: kept apart so one DELETE erases a person (GDPR art. 17).
CREATE TABLE contact_persons (
  id               text PRIMARY KEY,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  name             text NOT NULL,
  role             text,
  email            text,
  phone            text,
  languages        text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_persons_municipality_idx ON contact_persons (municipality_id);

CREATE TABLE needs (
  id               text PRIMARY KEY,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  area             text NOT NULL,
  horizon          text NOT NULL CHECK (horizon IN ('short-term', 'long-term')),
  priority         text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),
  status           text NOT NULL CHECK (status IN ('open', 'in-progress', 'met', 'withdrawn')),
  data             jsonb NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_municipality_idx ON needs (municipality_id);
CREATE INDEX needs_area_idx ON needs (area);

CREATE TABLE offers (
  id               text PRIMARY KEY,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  area             text NOT NULL,
  experience       text NOT NULL CHECK (experience IN ('basic', 'experienced', 'expert')),
  data             jsonb NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX offers_municipality_idx ON offers (municipality_id);
CREATE INDEX offers_area_idx ON offers (area);

-- Existing agreements with foreign towns (twin towns etc.), including ones under review.
CREATE TABLE ties (
  id               text PRIMARY KEY,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  foreign_town     text NOT NULL,
  foreign_country  char(2) NOT NULL,
  type             text NOT NULL CHECK (type IN ('twin-town', 'friendship', 'cooperation', 'other')),
  status           text NOT NULL CHECK (status IN ('active', 'frozen', 'terminated', 'under-review')),
  data             jsonb NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ties_natural_key UNIQUE (municipality_id, foreign_country, foreign_town)
);
CREATE INDEX ties_foreign_country_idx ON ties (foreign_country);

CREATE TABLE partnerships (
  id               text PRIMARY KEY,
  hromada_id       text NOT NULL REFERENCES municipalities (id) ON DELETE RESTRICT,
  agreement_type   text NOT NULL,
  stage            text NOT NULL,
  areas            text[] NOT NULL DEFAULT '{}',
  funding          text[] NOT NULL DEFAULT '{}',
  signed_on        date,
  data             jsonb NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partnerships_hromada_idx ON partnerships (hromada_id);
CREATE INDEX partnerships_stage_idx ON partnerships (stage);

CREATE TABLE partnership_partners (
  partnership_id   text NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE RESTRICT,
  position         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (partnership_id, municipality_id)
);
CREATE INDEX partnership_partners_municipality_idx ON partnership_partners (municipality_id);

-- The stage history; `from_stage` is null for a partnership's first stage.
CREATE TABLE partnership_events (
  partnership_id   text NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  seq              integer NOT NULL,
  from_stage       text,
  to_stage         text NOT NULL,
  at               timestamptz NOT NULL,
  by               text NOT NULL,
  note             text,
  PRIMARY KEY (partnership_id, seq)
);
CREATE INDEX partnership_events_at_idx ON partnership_events (at);

CREATE TABLE users (
  id               text PRIMARY KEY,
  email            text NOT NULL,
  name             text NOT NULL,
  role             text NOT NULL CHECK (role IN ('coordinator', 'editor')),
  municipality_id  text REFERENCES municipalities (id) ON DELETE CASCADE,
  password_hash    text,
  disabled_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_editor_has_municipality CHECK (role <> 'editor' OR municipality_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Only a hash of a session or invite token is stored, so a database leak yields no live tokens.
CREATE TABLE sessions (
  token_hash       text PRIMARY KEY,
  user_id          text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  last_seen_at     timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE invites (
  token_hash       text PRIMARY KEY,
  email            text NOT NULL,
  role             text NOT NULL CHECK (role IN ('coordinator', 'editor')),
  municipality_id  text REFERENCES municipalities (id) ON DELETE CASCADE,
  invited_by       text REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,
  CONSTRAINT invites_editor_has_municipality CHECK (role <> 'editor' OR municipality_id IS NOT NULL)
);

CREATE TABLE audit_log (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT now(),
  actor_id         text,                                   -- null for the system (imports, seeding)
  actor_label      text NOT NULL,
  entity_type      text NOT NULL,
  entity_id        text NOT NULL,
  action           text NOT NULL,
  before           jsonb,
  after            jsonb,
  request_id       text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Matching rounds: the input, the parameters and the proposals they produced, kept for review.
CREATE TABLE rounds (
  id               text PRIMARY KEY,
  method           text NOT NULL,                          -- e.g. assignment | stable
  status           text NOT NULL DEFAULT 'proposed' CHECK (status IN ('draft', 'proposed', 'accepted', 'discarded')),
  params           jsonb NOT NULL DEFAULT '{}',
  problem          jsonb,
  result           jsonb,
  created_by       text REFERENCES users (id) ON DELETE SET NULL,
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE round_proposals (
  round_id         text NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  hromada_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  partner_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  score            double precision NOT NULL,
  rank             integer,
  status           text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
  explanation      jsonb NOT NULL DEFAULT '{}',
  partnership_id   text REFERENCES partnerships (id) ON DELETE SET NULL,
  PRIMARY KEY (round_id, hromada_id, partner_id)
);

CREATE TABLE conferences (
  id               text PRIMARY KEY,
  title            text NOT NULL,
  starts_on        date NOT NULL,
  ends_on          date,
  location         text,
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'scheduled', 'held', 'cancelled')),
  data             jsonb NOT NULL DEFAULT '{}',
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conference_participants (
  conference_id    text NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  municipality_id  text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  data             jsonb NOT NULL DEFAULT '{}',            -- delegation size, languages, slots available
  registered_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conference_id, municipality_id)
);

CREATE TABLE conference_wishes (
  conference_id    text NOT NULL,
  from_id          text NOT NULL,
  to_id            text NOT NULL,
  rank             integer NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (conference_id, from_id, to_id),
  FOREIGN KEY (conference_id, from_id) REFERENCES conference_participants (conference_id, municipality_id) ON DELETE CASCADE,
  FOREIGN KEY (conference_id, to_id) REFERENCES conference_participants (conference_id, municipality_id) ON DELETE CASCADE
);

-- One meeting a slot; the unique keys keep anyone from being in two meetings at once.
CREATE TABLE conference_meetings (
  conference_id    text NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  slot             integer NOT NULL CHECK (slot >= 0),
  starts_at        timestamptz,
  table_label      text,
  hromada_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  partner_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  PRIMARY KEY (conference_id, slot, hromada_id),
  CONSTRAINT conference_meetings_partner_slot UNIQUE (conference_id, slot, partner_id)
);

CREATE TABLE conference_outcomes (
  conference_id    text NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  hromada_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  partner_id       text NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  outcome          text NOT NULL CHECK (outcome IN ('no-follow-up', 'follow-up', 'letter-of-intent')),
  note             text,
  recorded_by      text REFERENCES users (id) ON DELETE SET NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  partnership_id   text REFERENCES partnerships (id) ON DELETE SET NULL,
  PRIMARY KEY (conference_id, hromada_id, partner_id)
);

-- KS-style intake forms; the contact person inside `data` is personal data and is erased with the row.
CREATE TABLE questionnaires (
  id               text PRIMARY KEY,
  municipality_id  text REFERENCES municipalities (id) ON DELETE SET NULL,
  status           text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'rejected')),
  data             jsonb NOT NULL,
  submitted_at     timestamptz NOT NULL DEFAULT now(),
  reviewed_at      timestamptz,
  reviewed_by      text REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX questionnaires_status_idx ON questionnaires (status, submitted_at);

-- Replay protection for outside systems that retry POSTs (Idempotency-Key header).
CREATE TABLE idempotency_keys (
  key              text NOT NULL,
  scope            text NOT NULL,                          -- method + path + actor
  request_hash     text NOT NULL,
  status           integer NOT NULL,
  response         jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
