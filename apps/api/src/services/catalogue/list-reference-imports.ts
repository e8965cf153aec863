import type {
  ReferenceImportList,
  ReferenceImportRecord,
  ReferenceImportReport,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";
import type { ImportReport } from "./safe-import";

interface Row {
  id: number;
  at: string;
  source: string | null;
  outcome: "applied" | "refused";
  message: string;
  report: ImportReport;
}

function record(r: Row): ReferenceImportRecord {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    source: r.source,
    outcome: r.outcome,
    message: r.message,
    errorCount: r.report.errors?.length ?? 0,
    warningCount: r.report.warnings?.length ?? 0,
    situationChangeCount: r.report.situationChanges?.length ?? 0,
  };
}

/** The latest reference imports (applied and refused), newest first. */
export async function listReferenceImports({
  ctx,
  limit = 20,
}: {
  ctx: ServiceContext;
  limit?: number;
}): Promise<ReferenceImportList> {
  const db = ctx.db.orm;
  const found = await rows<Row>(
    db,
    sql`SELECT id, at, source, outcome, message, report FROM reference_imports
      ORDER BY id DESC LIMIT ${limit}`,
  );
  return { items: found.map(record) };
}

/** One import's report by id, or the latest with `"latest"`; NotFoundError when there is none. */
export async function getReferenceImport({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: number | "latest";
}): Promise<ReferenceImportReport> {
  const db = ctx.db.orm;
  const [found] = await rows<Row>(
    db,
    id === "latest"
      ? sql`SELECT id, at, source, outcome, message, report FROM reference_imports ORDER BY id DESC LIMIT 1`
      : sql`SELECT id, at, source, outcome, message, report FROM reference_imports WHERE id = ${id}`,
  );
  if (!found) {
    throw id === "latest"
      ? new NotFoundError("reference import yet")
      : new NotFoundError("reference import", String(id));
  }
  return {
    import: record(found),
    errors: found.report.errors ?? [],
    warnings: found.report.warnings ?? [],
    situationChanges: found.report.situationChanges ?? [],
  };
}
