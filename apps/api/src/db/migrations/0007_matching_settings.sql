-- Coordinators' matching settings, one row. `exclude_flagged_ties` decides whether a partner
-- with an unverified (under-review) tie to a Russian or Belarusian town, such as one imported
-- from Wikipedia, is left out of suggestions and rounds, or only flagged; a round may override it.
CREATE TABLE IF NOT EXISTS matching_settings (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  exclude_flagged_ties boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
INSERT INTO matching_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
