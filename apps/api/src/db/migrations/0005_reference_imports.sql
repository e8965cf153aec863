-- One row per reference import that was applied or refused (dry runs write nothing). It holds
-- the fingerprint of the files and of the importer, so a start-up with the same files and the
-- same importer skips the import, and the report (errors and warnings with file, row and field,
-- the situations that changed, or why the import was refused) for coordinators to read.
CREATE TABLE IF NOT EXISTS reference_imports (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at               timestamptz NOT NULL,
  source           text,
  files_hash       text NOT NULL,
  importer_version text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('applied', 'refused')),
  message          text NOT NULL,
  report           jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS reference_imports_at ON reference_imports (id DESC);
