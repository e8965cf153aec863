// Replay protection for clients that retry POSTs over unreliable networks, after the IETF draft
// "The Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header): the first
// request with a key runs and its answer is kept for 24 hours; a retry with the same key and body
// gets that answer again instead of running twice.
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { Db } from "../db/db";
import type { AppEnv } from "../deps";
import { problemResponse } from "../errors";
import { randomToken, sha256Hex } from "../lib/crypto";
import {
  claimIdempotencyKey,
  type StoredResponse,
} from "../services/idempotency/claim-idempotency-key";
import { clearIdempotentResponses } from "../services/idempotency/clear-idempotent-responses";
import { purgeIdempotencyKeys } from "../services/idempotency/purge-idempotency-keys";
import { recordIdempotentResponse } from "../services/idempotency/record-idempotent-response";
import { releaseIdempotencyKey } from "../services/idempotency/release-idempotency-key";

/** How long an answer is replayed; after that the key may be used afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A "processing" marker this old belongs to a request that died (a crashed process); a retry takes it over. */
export const IDEMPOTENCY_ABANDONED_MS = 5 * 60 * 1000;
/** Expired rows are deleted at most this often per database handle. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
/** Answers larger than this are not kept (the key is released instead). */
const MAX_STORED_BYTES = 1024 * 1024;
/** The response headers a replay repeats; never Set-Cookie. */
const KEPT_HEADERS = ["content-type", "etag", "location", "cache-control"] as const;
/** Final answers that are not kept: the caller should sign in (401) or wait (408, 429). */
const NOT_KEPT = new Set([401, 408, 429]);
const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\b/i;
/** A key: 1–255 visible ASCII characters. */
const KEY = /^[\x21-\x7e]{1,255}$/;
/** The draft's form: an RFC 8941 string, `"…"` with `\"` and `\\` escaped. */
const SF_STRING = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/;
/**
 * POSTs that never take part, relative to the API base: sign-in and sign-out (sessions), invites
 * (the answers carry a one-time invite token or a session token, which must not be stored) and
 * privacy (an erasure is repeatable anyway, and its request names the person being erased).
 */
const EXCLUDED = /^\/(?:auth|invites|privacy)(?:\/|$)/;

/** Whether POSTs to `path` (a request path or a documented `{param}` path) take Idempotency-Key. */
export function acceptsIdempotencyKey(base: string, path: string): boolean {
  return path.startsWith(`${base}/`) && !EXCLUDED.test(path.slice(base.length));
}

/**
 * The key an `Idempotency-Key` value names, or null when it is malformed. The draft sends an
 * RFC 8941 string (`"8e03…"`); a bare key is accepted too. Either way the key is 1–255 visible
 * ASCII characters.
 */
export function parseIdempotencyKey(value: string): string | null {
  let key = value;
  if (value.startsWith('"')) {
    const quoted = SF_STRING.exec(value);
    if (!quoted) return null;
    key = (quoted[1] ?? "").replace(/\\(["\\])/g, "$1");
  }
  return KEY.test(key) ? key : null;
}

const lastPurge = new WeakMap<Db, number>();

async function purgeNow(c: Context<AppEnv>, now: Date): Promise<void> {
  const at = now.getTime();
  const last = lastPurge.get(c.var.db);
  if (last !== undefined && at - last < PURGE_EVERY_MS && at >= last) return;
  lastPurge.set(c.var.db, at);
  try {
    await purgeIdempotencyKeys({
      db: c.var.db.orm,
      before: new Date(at - IDEMPOTENCY_TTL_MS).toISOString(),
    });
  } catch (error) {
    c.var.logger.warn("idempotency purge failed", { requestId: c.var.requestId, error });
  }
}

/** The response as it will be replayed, or null when it is not to be kept. */
async function keepable(res: Response): Promise<StoredResponse | null> {
  const { status } = res;
  if (!((status >= 200 && status < 300) || (status >= 400 && status < 500))) return null;
  if (NOT_KEPT.has(status)) return null;
  // A response the route marked no-store (tokens, personal exports) or that sets a cookie is
  // never written down, whatever route it comes from.
  if (/\bno-store\b/i.test(res.headers.get("cache-control") ?? "")) return null;
  if (res.headers.has("set-cookie")) return null;
  const bytes = res.body === null ? new ArrayBuffer(0) : await res.clone().arrayBuffer();
  if (bytes.byteLength > MAX_STORED_BYTES) return null;
  if (bytes.byteLength > 0 && !JSON_TYPE.test(res.headers.get("content-type") ?? "")) return null;
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { headers, body: new TextDecoder().decode(bytes) };
}

/**
 * Middleware for POSTs under `base` that carry `Idempotency-Key` (run it after `authenticate`
 * and `strictBody`). The key is scoped to method, path and caller; the request is fingerprinted
 * by the SHA-256 of its body. First use: a "processing" marker is claimed, the route runs, and a
 * 2xx or 4xx answer (not 401, 408, 429) is kept; a 5xx or a thrown error releases the key.
 * Same key and body again: the kept answer with `Idempotent-Replayed: true`, without running the
 * route. Same key, other body: 422 `idempotency-key-reused`. Still running: 409
 * `idempotency-key-in-use`. Malformed key: 400 `idempotency-key-invalid`.
 */
export function idempotency(base: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("idempotency-key");
    if (
      c.req.method !== "POST" ||
      header === undefined ||
      !acceptsIdempotencyKey(base, c.req.path) ||
      // Only paths a POST route answers: a 404 is not worth a row.
      !matchedRoutes(c).some((r) => r.method === "POST")
    ) {
      await next();
      // Kept answers are copies of responses, which may name the person just erased.
      if (c.req.method === "POST" && c.req.path === `${base}/privacy/erase` && c.res.ok) {
        await clearIdempotentResponses({ db: c.var.db.orm });
      }
      return;
    }
    const key = parseIdempotencyKey(header);
    if (key === null) {
      return problemResponse(c, {
        title: "Invalid idempotency key",
        status: 400,
        code: "idempotency-key-invalid",
        detail:
          'Idempotency-Key must be 1 to 255 visible ASCII characters, bare or quoted ("…"); a UUID is a good choice.',
      });
    }
    const db = c.var.db.orm;
    const now = c.var.clock();
    await purgeNow(c, now);
    const actor = c.var.actor;
    const scope = `POST ${c.req.path} ${actor ? `user:${actor.userId}` : "anonymous"}`;
    // strictBody left the decoded body in Hono's body cache; this reads it from there.
    const requestHash = await sha256Hex(await c.req.text());
    const token = randomToken(16);
    const claim = await claimIdempotencyKey({
      db,
      scope,
      key,
      requestHash,
      token,
      now: now.toISOString(),
      expiredBefore: new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString(),
      abandonedBefore: new Date(now.getTime() - IDEMPOTENCY_ABANDONED_MS).toISOString(),
    });
    if (claim.kind === "reused") {
      return problemResponse(c, {
        title: "Idempotency key reused",
        status: 422,
        code: "idempotency-key-reused",
        detail:
          "This Idempotency-Key was already used with a different body; send a new key for a new request.",
      });
    }
    if (claim.kind === "in-use") {
      c.header("retry-after", "1");
      return problemResponse(c, {
        title: "Idempotency key in use",
        status: 409,
        code: "idempotency-key-in-use",
        detail: "A request with this Idempotency-Key is still being processed; retry shortly.",
      });
    }
    if (claim.kind === "finished") {
      const headers = { ...claim.response.headers, "idempotent-replayed": "true" };
      const { body } = claim.response;
      const status = claim.status as 200;
      return body === "" ? c.body(null, status, headers) : c.body(body, status, headers);
    }

    const release = () => releaseIdempotencyKey({ db, scope, key, token });
    try {
      await next();
    } catch (error) {
      await release().catch(() => {});
      throw error;
    }
    try {
      const kept = await keepable(c.res);
      if (kept) {
        await recordIdempotentResponse({
          db,
          scope,
          key,
          token,
          status: c.res.status,
          response: kept,
        });
      } else {
        await release();
      }
    } catch (error) {
      // The route's answer stands (its writes are committed); only its replay is lost.
      c.var.logger.error("idempotency record failed", { requestId: c.var.requestId, error });
      await release().catch(() => {});
    }
  });
}

/** The header as the OpenAPI document describes it on each POST that takes it. */
const IdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .openapi({
    param: {
      name: "Idempotency-Key",
      in: "header",
      example: "8e03978e-40d5-43e8-bc93-6894a57f9324",
      description:
        "Makes a retried POST safe (draft-ietf-httpapi-idempotency-key-header): 1–255 visible ASCII " +
        "characters, a UUID for instance, bare or quoted. The first answer (2xx, or 4xx other than 401 and 429) is kept for 24 hours " +
        "for this caller and path; repeating the key with the same body returns it again with " +
        "`Idempotent-Replayed: true` and changes nothing. 422 `idempotency-key-reused` when the body differs, " +
        "409 `idempotency-key-in-use` while the first request still runs, 400 `idempotency-key-invalid` for a malformed key.",
    },
  });

/**
 * Adds the Idempotency-Key header parameter to every documented POST under `base` that takes it.
 * Call after the routers are mounted: it edits the root registry's copies of the route
 * definitions, so the routers' own definitions and their validation are untouched.
 */
export function documentIdempotencyKey(
  registry: OpenAPIHono<AppEnv>["openAPIRegistry"],
  base: string,
): void {
  for (const def of registry.definitions) {
    if (def.type !== "route") continue;
    const route = def.route;
    if (route.method !== "post" || !acceptsIdempotencyKey(base, route.path)) continue;
    const headers = route.request?.headers;
    const all = headers === undefined ? [] : Array.isArray(headers) ? headers : [headers];
    def.route = {
      ...route,
      request: { ...route.request, headers: [...all, IdempotencyKeyHeader] },
    };
  }
}
