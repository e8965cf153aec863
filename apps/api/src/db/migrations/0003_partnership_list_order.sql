-- The partnership list pages newest first by (created_at, id): an index in that order lets a page
-- be read from the index instead of sorting every partnership, and keeps the keyset cursor cheap.
CREATE INDEX IF NOT EXISTS partnerships_created_idx
  ON partnerships (created_at DESC, id COLLATE "C" DESC);
