import type { Context } from "hono";
import type { AppEnv } from "../deps";
import { TooManyRequestsError } from "../errors";

/** One key's count in its current window. */
export interface Counter {
  count: number;
  /** Epoch ms at which the window ends and the count starts again from zero. */
  resetAt: number;
}

/**
 * Where limiters keep their counters. The memory store is this process's view only: fine for one
 * Node process, per isolate on edge runtimes. A shared store (a database table) implements the
 * same three calls so several processes count together.
 */
export interface CounterStore {
  /** The key's counter, or undefined when it has none or its window has ended. */
  get(key: string, now: number): Promise<Counter | undefined>;
  /** Adds one to the key's counter, opening a window of `windowMs` when none is open. */
  increment(key: string, now: number, windowMs: number): Promise<Counter>;
  delete(key: string): Promise<void>;
}

/** Counters in a Map, bounded to `maxKeys` (expired first, then oldest). */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly maxKeys = 50_000) {}

  async get(key: string, now: number): Promise<Counter | undefined> {
    const entry = this.counters.get(key);
    return entry && entry.resetAt > now ? { ...entry } : undefined;
  }

  async increment(key: string, now: number, windowMs: number): Promise<Counter> {
    const entry = this.counters.get(key);
    if (entry && entry.resetAt > now) {
      entry.count++;
      return { ...entry };
    }
    if (!entry && this.counters.size >= this.maxKeys) this.prune(now);
    const fresh = { count: 1, resetAt: now + windowMs };
    this.counters.set(key, fresh);
    return { ...fresh };
  }

  async delete(key: string): Promise<void> {
    this.counters.delete(key);
  }

  private prune(now: number): void {
    for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
    // Still full: drop the oldest entries rather than grow without bound.
    for (const k of this.counters.keys()) {
      if (this.counters.size < this.maxKeys) break;
      this.counters.delete(k);
    }
  }
}

/** A fixed-window counter: `limit` hits per key and window, then the key waits for the window's end. */
export class RateLimiter {
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly store: CounterStore = new MemoryCounterStore(),
    /** Namespaces this limiter's keys, so limiters can share one store. */
    private readonly prefix = "",
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  async retryAfter(key: string, now: number): Promise<number> {
    const entry = await this.store.get(this.prefix + key, now);
    if (!entry || entry.count < this.limit) return 0;
    return Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
  }

  /** Hits counted against `key` in its current window. */
  async count(key: string, now: number): Promise<number> {
    return (await this.store.get(this.prefix + key, now))?.count ?? 0;
  }

  /** Counts one attempt (a failure, for sign-in) against `key`. */
  async hit(key: string, now: number): Promise<void> {
    await this.store.increment(this.prefix + key, now, this.windowMs);
  }

  /** Forgets `key` (after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.store.delete(this.prefix + key);
  }
}

/** Throws a 429 (with Retry-After) when any of `checks` is blocked. */
export async function enforceLimit(
  c: Context<AppEnv>,
  checks: readonly (readonly [RateLimiter, string])[],
): Promise<void> {
  const now = c.var.clock().getTime();
  const waits = await Promise.all(checks.map(([limiter, key]) => limiter.retryAfter(key, now)));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    c.header("retry-after", String(wait));
    throw new TooManyRequestsError(wait);
  }
}

/** Sign-in failures: who gets refused, and who only waits. */
export const SIGN_IN_LIMIT = {
  /** Failures one address may make against one account in a window, then 429. */
  failures: 5,
  /** Failures one address may make against all accounts together in a window, then 429. */
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
  /** Account-wide failures (from every address) before each attempt on it is slowed down. */
  delayAfter: 5,
  /** The first delay; it doubles with every further failure, up to `maxDelayMs`. */
  baseDelayMs: 250,
  maxDelayMs: 4000,
} as const;

/**
 * The sign-in throttle. Refusals are keyed by client address: 5 failures for one (account,
 * address) pair, 20 for one address. An account attacked from many addresses is never refused,
 * since that would let anyone lock its owner out; every attempt on it is slowed instead, by a
 * delay that grows with the account's failures and stops at a few seconds. Only wrong
 * credentials count: an outage says nothing about the password.
 */
export class SignInLimits {
  private readonly pair: RateLimiter;
  private readonly address: RateLimiter;
  private readonly account: RateLimiter;

  constructor(
    store: CounterStore = new MemoryCounterStore(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((done) => setTimeout(done, ms)),
  ) {
    const { failures, perAddress, windowMs } = SIGN_IN_LIMIT;
    this.pair = new RateLimiter(failures, windowMs, store, "sign-in:pair:");
    this.address = new RateLimiter(perAddress, windowMs, store, "sign-in:ip:");
    this.account = new RateLimiter(Number.POSITIVE_INFINITY, windowMs, store, "sign-in:account:");
  }

  /** The delay an attempt on `account` waits, from its failures in the window. */
  async delayMs(account: string, now: number): Promise<number> {
    const { delayAfter, baseDelayMs, maxDelayMs } = SIGN_IN_LIMIT;
    const over = (await this.account.count(account, now)) - delayAfter;
    if (over < 0) return 0;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(over, 16));
  }

  /** Throws 429 when this address is blocked for this account or overall; else waits the account's delay. */
  async admit(c: Context<AppEnv>, account: string, address: string): Promise<void> {
    await enforceLimit(c, [
      [this.pair, `${account}\u0000${address}`],
      [this.address, address],
    ]);
    const delay = await this.delayMs(account, c.var.clock().getTime());
    if (delay > 0) await this.sleep(delay);
  }

  /** Counts a wrong email or password. */
  async failed(account: string, address: string, now: number): Promise<void> {
    await Promise.all([
      this.pair.hit(`${account}\u0000${address}`, now),
      this.address.hit(address, now),
      this.account.hit(account, now),
    ]);
  }

  /** The right password clears this address's failures against the account. */
  async succeeded(account: string, address: string): Promise<void> {
    await this.pair.reset(`${account}\u0000${address}`);
  }
}

/** Questionnaires one client address may submit in one window (signed-in users are not limited). */
export const QUESTIONNAIRE_LIMIT = { submissions: 10, windowMs: 60 * 60 * 1000 };

/** Every limiter the app uses; the runtime entry builds them over one store and passes them in Deps. */
export interface Limits {
  signIn: SignInLimits;
  questionnaires: RateLimiter;
}

/** The app's limiters over `store` (memory by default). */
export function createLimits(
  store: CounterStore = new MemoryCounterStore(),
  opts: { sleep?: (ms: number) => Promise<void> } = {},
): Limits {
  return {
    signIn: new SignInLimits(store, opts.sleep),
    questionnaires: new RateLimiter(
      QUESTIONNAIRE_LIMIT.submissions,
      QUESTIONNAIRE_LIMIT.windowMs,
      store,
      "questionnaire:ip:",
    ),
  };
}
