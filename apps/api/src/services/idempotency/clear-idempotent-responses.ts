import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";
import { PROCESSING } from "./claim-idempotency-key";

/**
 * Deletes every stored answer, whatever its age; markers of requests still running stay. Stored
 * answers are copies of responses, which may name people, so an erasure clears them.
 */
export async function clearIdempotentResponses({ db }: { db: Executor }): Promise<void> {
  await db.execute(sql`DELETE FROM idempotency_keys WHERE status <> ${PROCESSING}`);
}
