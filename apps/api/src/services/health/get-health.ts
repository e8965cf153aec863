import type { Health } from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Db, rows } from "../../db/db";

/** Liveness plus a real query, so a dead database shows up as a failing health check. */
export async function getHealth({ db, version }: { db: Db; version: string }): Promise<Health> {
  const [row] = await rows<{ n: number }>(
    db.orm,
    sql`SELECT count(*)::int AS n FROM municipalities WHERE status = 'published'`,
  );
  return { status: "ok", version, database: db.kind, municipalities: row?.n ?? 0 };
}
