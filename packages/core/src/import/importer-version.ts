/**
 * A fingerprint of the reference importer: the first 16 hex digits of a SHA-256 over the source of
 * `src/import/*.ts` (tests and this file left out) and `src/model/municipality.ts`. An app stores
 * it with each import and imports again when it changes, as when the files change. A test
 * recomputes it, so it cannot drift from the code: after editing the importer, put the value that
 * test prints here.
 */
export const REFERENCE_IMPORTER_VERSION = "63f9d8a6b9c8e7c1";
