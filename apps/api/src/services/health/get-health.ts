import type { Health } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import type { ServiceContext } from "../context";

/** Liveness plus a real query, so a dead database shows up as a failing health check. */
export async function getHealth({
  ctx,
  version,
}: {
  ctx: ServiceContext;
  version: string;
}): Promise<Health> {
  const { db } = ctx;
  const [row] = await rows<{ n: number; demo: boolean; any: boolean }>(
    db.orm,
    sql`SELECT count(*) FILTER (WHERE status = 'published')::int AS n,
        bool_or(source = 'demo') AS demo, count(*) > 0 AS any FROM municipalities`,
  );
  const catalogue = row?.demo ? "demo" : row?.any ? "real" : "empty";
  return { status: "ok", version, database: db.kind, municipalities: row?.n ?? 0, catalogue };
}
