import type { Context } from "hono";
import type { AppEnv } from "../deps";
import { TooManyRequestsError } from "../errors";

/**
 * A fixed-window failure counter kept in this process's memory. On Node (one process) that is
 * the whole picture; on edge runtimes every isolate has its own counters, so the limit is per
 * isolate and an attacker spread over many isolates gets more tries. Put a shared store (or the
 * platform's rate limiter) in front for a hard limit there.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  retryAfter(key: string, now: number): number {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  /** Counts one attempt (a failure, for sign-in) against `key`. */
  hit(key: string, now: number): void {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.prune(now);
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    } else {
      entry.count++;
    }
  }

  /** Forgets `key` (after a successful sign-in). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    // Still full: drop the oldest entries rather than grow without bound.
    for (const k of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(k);
    }
  }
}

/**
 * The client address for rate limiting. Behind a proxy that sets these headers (Cloudflare, a
 * load balancer) they are the real client; a direct caller can forge them, which only moves it to
 * another bucket; the per-email limit still holds.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded =
    c.req.header("cf-connecting-ip") ??
    c.req.header("x-real-ip") ??
    c.req.header("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || "unknown";
}

/** Throws a 429 (with Retry-After) when any of `keys` is blocked in `limiter`. */
export function enforceLimit(
  c: Context<AppEnv>,
  limiter: RateLimiter,
  keys: readonly string[],
): void {
  const now = c.var.clock().getTime();
  const wait = Math.max(0, ...keys.map((k) => limiter.retryAfter(k, now)));
  if (wait > 0) {
    c.header("retry-after", String(wait));
    throw new TooManyRequestsError(wait);
  }
}
