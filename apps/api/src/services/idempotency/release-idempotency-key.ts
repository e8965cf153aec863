import { sql } from "drizzle-orm";
import type { Executor } from "../../db/db";
import { PROCESSING } from "./claim-idempotency-key";

/** Deletes this request's marker (the one carrying `token`), so a retry with the key runs again. */
export async function releaseIdempotencyKey({
  db,
  scope,
  key,
  token,
}: {
  db: Executor;
  scope: string;
  key: string;
  token: string;
}): Promise<void> {
  await db.execute(sql`DELETE FROM idempotency_keys
    WHERE scope = ${scope} AND key = ${key} AND status = ${PROCESSING}
      AND response ->> 'token' = ${token}`);
}
