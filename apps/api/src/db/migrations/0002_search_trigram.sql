-- Catalogue search matches a search key anywhere in a name (`search_keys LIKE '%key%'`), which
-- no b-tree can serve: every search read every row of the widest table, twice (page and total).
-- A trigram index answers the LIKE for keys of three or more characters from the index.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so a database owner may create it; PGlite
-- loads it from its contrib build (see pglite.ts). fastupdate is off because PGlite never runs
-- autovacuum: a pending list would only grow, and the planner prices it so high that it scans.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS municipalities_search_keys_trgm_idx
  ON municipalities USING gin (search_keys gin_trgm_ops) WITH (fastupdate = off);
