import {
  checkReferenceFiles,
  effectiveSituation,
  type HandEdits,
  type ImportIssue,
  type ImportSummary,
  importReferenceFiles,
  REFERENCE_IMPORTER_VERSION,
  type ReferenceImport,
  type SituationCategory,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { writeAudit } from "../audit/write-audit";
import { type ServiceContext, withTransaction } from "../context";
import { upsertMunicipalities } from "./upsert-municipalities";
import { insertTies } from "./upsert-ties";

/**
 * The API's part of the importer fingerprint: bump it when what the import writes changes
 * (upsertMunicipalities' reference fields, insertTies), as core's REFERENCE_IMPORTER_VERSION
 * moves with core's importer.
 */
const CATALOGUE_IMPORT_REVISION = 2;

/** The fingerprint of the importer stored with each import. */
export const IMPORTER_VERSION = `${REFERENCE_IMPORTER_VERSION}+api.${CATALOGUE_IMPORT_REVISION}`;

/** The default share of hromadas whose situation one import may change (POBRATYM_IMPORT_MAX_CHANGE). */
export const DEFAULT_MAX_SITUATION_CHANGE = 0.1;

// Serialises imports across processes that start at the same moment.
const IMPORT_LOCK = 7_265_021_116;

/** A hromada whose situation an import changes. */
export interface SituationChange {
  id: string;
  name: string;
  from: SituationCategory;
  to: SituationCategory;
}

/** What an import did, or (for a dry run) would do. */
export interface ReferenceImportOutcome extends ImportSummary {
  /** `applied`; `dry-run` (nothing written); `unchanged` (same files and importer as last time, skipped). */
  status: "applied" | "dry-run" | "unchanged";
  filesHash: string;
  importerVersion: string;
  situationChanges: SituationChange[];
  /** Hromadas already in the catalogue that the files also hold: the base of the change limit. */
  hromadasCompared: number;
  counts?: ReferenceImport["counts"];
}

/** The stored report of an import: what coordinators see. */
export interface ImportReport {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  situationChanges: SituationChange[];
  counts?: ReferenceImport["counts"];
  municipalities?: ImportSummary["municipalities"];
  ties?: ImportSummary["ties"];
}

/**
 * A reference import that was refused before anything was written: the files fail a check, or
 * they would change the situation of too many hromadas. The catalogue stays as it was.
 */
export class ImportRefusedError extends Error {
  override readonly name = "ImportRefusedError";
  constructor(
    message: string,
    readonly report: ImportReport,
  ) {
    super(message);
  }
}

/** Thrown inside the transaction of a dry run to roll it back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly outcome: ReferenceImportOutcome) {
    super("dry run");
  }
}

/** SHA-256 (hex) over the files by sorted name: each name, a NUL, its bytes, a NUL. */
export async function fingerprintFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const name of Object.keys(files).sort()) {
    const content = files[name] ?? "";
    parts.push(encoder.encode(`${name}\0`));
    parts.push(typeof content === "string" ? encoder.encode(content) : content);
    parts.push(new Uint8Array([0]));
  }
  const total = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    total.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", total));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function describeIssues(issues: readonly ImportIssue[]): string {
  const shown = issues
    .slice(0, 5)
    .map(
      (i) =>
        `${i.file}${i.row > 0 ? `:${i.row}` : ""}${i.field ? ` ${i.field}` : ""}: ${i.message}`,
    );
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : "";
  return `${shown.join("; ")}${more}`;
}

async function recordRefusal({
  ctx,
  source,
  filesHash,
  error,
}: {
  ctx: ServiceContext;
  source: string | undefined;
  filesHash: string;
  error: ImportRefusedError;
}): Promise<void> {
  await ctx.db.orm.execute(sql`INSERT INTO reference_imports
      (at, source, files_hash, importer_version, outcome, message, report)
    VALUES (${ctx.now.toISOString()}::timestamptz, ${source ?? null}, ${filesHash}, ${IMPORTER_VERSION}, 'refused',
      ${error.message}, ${JSON.stringify(error.report)}::jsonb)`);
}

/** The situations the import would change, read inside its transaction. */
async function situationChanges(
  tx: Executor,
  parsed: ReferenceImport,
): Promise<{ changes: SituationChange[]; compared: number; firstImport: boolean }> {
  const incoming = parsed.municipalities.filter((m) => m.kind === "hromada");
  const ids = incoming.map((m) => m.id);
  const found = await rows<{ id: string; situation: SituationCategory; edits: HandEdits | null }>(
    tx,
    sql`SELECT id, situation, data->'handEdits' AS edits FROM municipalities
      WHERE id = ANY(${sql.param(ids)}::text[])`,
  );
  const existing = new Map(found.map((r) => [r.id, r.situation]));
  const edits = new Map(found.map((r) => [r.id, r.edits ?? undefined]));
  // The first import is exempt from the change limit: the catalogue holds nothing it loaded yet
  // (at most the demo's municipalities, whose situations were illustrative).
  const [applied] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM reference_imports WHERE outcome = 'applied'`,
  );
  const changes: SituationChange[] = [];
  for (const m of incoming) {
    const before = existing.get(m.id);
    if (m.kind !== "hromada" || before === undefined) continue;
    // A correction people entered may outrank the file: count what the hromada will show.
    const to = effectiveSituation(m.situation, edits.get(m.id)).situation.category;
    if (before !== to) changes.push({ id: m.id, name: m.names.local, from: before, to });
  }
  return { changes, compared: existing.size, firstImport: (applied?.n ?? 0) === 0 };
}

/**
 * Imports reference files safely, in this order:
 * 1. with `skipUnchanged`, returns `unchanged` when the last import applied the same files with
 *    the same importer (a restart is instant);
 * 2. checks every file (core's row errors and `checkReferenceFiles`) and refuses on any problem;
 * 3. in one transaction: counts the hromadas whose situation would change and refuses when they
 *    are more than `maxChange` of those compared (the first import, before any was applied, is
 *    exempt), then writes municipalities, ties, the audit entry and the
 *    import's record with its report; a dry run rolls all of it back.
 * A refusal throws ImportRefusedError after recording it; the catalogue is left as it was.
 */
export async function runReferenceImport({
  ctx,
  files,
  source,
  dryRun = false,
  skipUnchanged = false,
  maxChange = DEFAULT_MAX_SITUATION_CHANGE,
}: {
  ctx: ServiceContext;
  files: Record<string, string | Uint8Array>;
  /** Where the files came from (a folder), for the record. */
  source?: string;
  dryRun?: boolean;
  skipUnchanged?: boolean;
  maxChange?: number;
}): Promise<ReferenceImportOutcome> {
  const now = ctx.now.toISOString();
  const filesHash = await fingerprintFiles(files);
  const none = { inserted: 0, updated: 0, unchanged: 0 };
  if (skipUnchanged && !dryRun) {
    const [last] = await rows<{ filesHash: string; importerVersion: string; outcome: string }>(
      ctx.db.orm,
      sql`SELECT files_hash AS "filesHash", importer_version AS "importerVersion", outcome
        FROM reference_imports ORDER BY id DESC LIMIT 1`,
    );
    if (
      last?.outcome === "applied" &&
      last.filesHash === filesHash &&
      last.importerVersion === IMPORTER_VERSION
    ) {
      return {
        status: "unchanged",
        filesHash,
        importerVersion: IMPORTER_VERSION,
        municipalities: none,
        ties: { inserted: 0, unchanged: 0, skipped: 0 },
        errors: [],
        warnings: [],
        situationChanges: [],
        hromadasCompared: 0,
      };
    }
  }

  const parsed = importReferenceFiles(files);
  const blocking = [...checkReferenceFiles(files, parsed), ...parsed.errors];
  if (blocking.length > 0) {
    const error = new ImportRefusedError(
      `refused the reference import: ${blocking.length} problem(s) in the files, nothing was changed. ${describeIssues(blocking)}`,
      { errors: blocking, warnings: parsed.warnings, situationChanges: [], counts: parsed.counts },
    );
    if (!dryRun) await recordRefusal({ ctx, source, filesHash, error });
    throw error;
  }

  try {
    const outcome = await withTransaction(ctx, async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const { changes, compared, firstImport } = await situationChanges(tx, parsed);
      const share = compared === 0 ? 0 : changes.length / compared;
      if (!firstImport && share > maxChange) {
        const examples = changes
          .slice(0, 5)
          .map((c) => `${c.name} ${c.from} → ${c.to}`)
          .join(", ");
        throw new ImportRefusedError(
          `refused the reference import: it would change the situation of ${changes.length} of ${compared} hromadas (${(share * 100).toFixed(1)} %), more than the limit of ${(maxChange * 100).toFixed(1)} % (POBRATYM_IMPORT_MAX_CHANGE); nothing was changed. For example: ${examples}`,
          {
            errors: [],
            warnings: parsed.warnings,
            situationChanges: changes,
            counts: parsed.counts,
          },
        );
      }
      const municipalities = await upsertMunicipalities({
        tx,
        municipalities: parsed.municipalities,
        source: "reference",
        now,
      });
      const ties = await insertTies({ tx, ties: parsed.ties, now });
      const report: ImportReport = {
        errors: [],
        warnings: parsed.warnings,
        situationChanges: changes,
        counts: parsed.counts,
        municipalities,
        ties,
      };
      await writeAudit({
        tx,
        ctx,
        as: "reference import",
        entityType: "catalogue",
        entityId: "reference",
        action: "import",
        after: {
          municipalities,
          ties,
          situationChanges: changes.length,
          warnings: parsed.warnings.length,
          files: Object.keys(files),
        },
      });
      await tx.execute(sql`INSERT INTO reference_imports
          (at, source, files_hash, importer_version, outcome, message, report)
        VALUES (${now}::timestamptz, ${source ?? null}, ${filesHash}, ${IMPORTER_VERSION}, 'applied',
          ${`imported ${municipalities.inserted} new and ${municipalities.updated} updated municipalities, ${changes.length} situation change(s), ${parsed.warnings.length} warning(s)`},
          ${JSON.stringify(report)}::jsonb)`);
      const result: ReferenceImportOutcome = {
        status: dryRun ? "dry-run" : "applied",
        filesHash,
        importerVersion: IMPORTER_VERSION,
        municipalities,
        ties,
        errors: [],
        warnings: parsed.warnings,
        situationChanges: changes,
        hromadasCompared: compared,
        counts: parsed.counts,
      };
      if (dryRun) throw new DryRun(result);
      return result;
    });
    // Fresh statistics after a bulk load, so the planner uses the search index: PGlite runs no
    // autovacuum, and without them it guesses a seq scan is cheaper.
    await ctx.db.orm.execute(sql`ANALYZE municipalities, ties`);
    return outcome;
  } catch (error) {
    if (error instanceof DryRun) return error.outcome;
    if (error instanceof ImportRefusedError && !dryRun)
      await recordRefusal({ ctx, source, filesHash, error });
    throw error;
  }
}
