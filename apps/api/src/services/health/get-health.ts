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
  const [row] = await rows<{ n: number }>(
    db.orm,
    sql`SELECT count(*)::int AS n FROM municipalities WHERE status = 'published'`,
  );
  return { status: "ok", version, database: db.kind, municipalities: row?.n ?? 0 };
}
