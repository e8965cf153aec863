import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";

/** A finished response as the idempotency store keeps it: the headers that matter and the exact body text. */
export interface StoredResponse {
  headers: Record<string, string>;
  body: string;
}

/** What a claim found: the key is ours to run, another request holds it, or it has an answer. */
export type IdempotencyClaim =
  | { kind: "claimed" }
  | { kind: "in-use" }
  | { kind: "reused" }
  | { kind: "finished"; status: number; response: StoredResponse };

/** The status of a row whose request is still running. */
export const PROCESSING = 0;

interface Row {
  request_hash: string;
  status: number;
  response: unknown;
}

/**
 * Claims `(scope, key)` for one request by inserting a "processing" marker (status 0) that
 * carries `token`. An existing row is taken over only when it expired (`expiredBefore`) or is a
 * marker whose request was abandoned (`abandonedBefore`); otherwise it is reported as it is: a
 * different request hash is `reused`, a marker is `in-use`, an answer is `finished`. The insert
 * is one statement, so of two concurrent requests with one key only one can claim it.
 */
export async function claimIdempotencyKey({
  db,
  scope,
  key,
  requestHash,
  token,
  now,
  expiredBefore,
  abandonedBefore,
}: {
  db: Executor;
  scope: string;
  key: string;
  requestHash: string;
  token: string;
  now: string;
  expiredBefore: string;
  abandonedBefore: string;
}): Promise<IdempotencyClaim> {
  const marker = JSON.stringify({ token });
  // A row can vanish between the insert and the read (its request failed and was released);
  // then the insert is worth another try.
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await rows<{ claimed: number }>(
      db,
      sql`INSERT INTO idempotency_keys (key, scope, request_hash, status, response, created_at)
        VALUES (${key}, ${scope}, ${requestHash}, ${PROCESSING}, ${marker}::jsonb, ${now}::timestamptz)
        ON CONFLICT (scope, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
              response = EXCLUDED.response, created_at = EXCLUDED.created_at
          WHERE idempotency_keys.created_at <= ${expiredBefore}::timestamptz
             OR (idempotency_keys.status = ${PROCESSING}
                 AND idempotency_keys.created_at <= ${abandonedBefore}::timestamptz)
        RETURNING 1 AS claimed`,
    );
    if (claimed.length > 0) return { kind: "claimed" };
    const [row] = await rows<Row>(
      db,
      sql`SELECT request_hash, status, response FROM idempotency_keys
        WHERE scope = ${scope} AND key = ${key}`,
    );
    if (!row) continue;
    if (row.request_hash !== requestHash) return { kind: "reused" };
    if (row.status === PROCESSING) return { kind: "in-use" };
    return { kind: "finished", status: row.status, response: row.response as StoredResponse };
  }
  return { kind: "in-use" };
}
