import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";

/** Deletes idempotency rows (answers and abandoned markers) created at or before `before`. */
export async function purgeIdempotencyKeys({
  db,
  before,
}: {
  db: Executor;
  before: string;
}): Promise<void> {
  await db.execute(sql`DELETE FROM idempotency_keys WHERE created_at <= ${before}::timestamptz`);
}
