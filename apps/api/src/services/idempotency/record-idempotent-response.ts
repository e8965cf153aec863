import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";
import { PROCESSING, type StoredResponse } from "./claim-idempotency-key";

/**
 * Turns this request's marker (the one carrying `token`) into the finished answer. A marker
 * taken over by another request in the meantime is left alone.
 */
export async function recordIdempotentResponse({
  db,
  scope,
  key,
  token,
  status,
  response,
}: {
  db: Executor;
  scope: string;
  key: string;
  token: string;
  status: number;
  response: StoredResponse;
}): Promise<void> {
  await db.execute(sql`UPDATE idempotency_keys
    SET status = ${status}, response = ${JSON.stringify(response)}::jsonb
    WHERE scope = ${scope} AND key = ${key} AND status = ${PROCESSING}
      AND response ->> 'token' = ${token}`);
}
