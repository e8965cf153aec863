import { describe, expect, it } from "vitest";
import { MemoryCounterStore, RateLimiter, SIGN_IN_LIMIT, SignInLimits } from "./rate-limit";

describe("RateLimiter", () => {
  it("blocks a key after `limit` hits until the window ends, then lets it try again", async () => {
    const limiter = new RateLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(await limiter.retryAfter("k", 1000)).toBe(0);
      await limiter.hit("k", 1000);
    }
    expect(await limiter.retryAfter("k", 1000)).toBe(60);
    expect(await limiter.retryAfter("k", 30_500)).toBe(31);
    expect(await limiter.retryAfter("other", 1000)).toBe(0);
    expect(await limiter.retryAfter("k", 61_000)).toBe(0);
  });

  it("forgets a key on reset", async () => {
    const limiter = new RateLimiter(1, 60_000);
    await limiter.hit("k", 0);
    expect(await limiter.retryAfter("k", 0)).toBeGreaterThan(0);
    await limiter.reset("k");
    expect(await limiter.retryAfter("k", 0)).toBe(0);
  });

  it("keeps at most maxKeys keys, dropping expired ones first", async () => {
    const limiter = new RateLimiter(1, 10, new MemoryCounterStore(3));
    for (const k of ["a", "b", "c"]) await limiter.hit(k, 0);
    await limiter.hit("d", 5);
    await limiter.hit("e", 100);
    expect(await limiter.retryAfter("e", 100)).toBeGreaterThan(0);
    expect(await limiter.retryAfter("a", 5)).toBe(0);
  });

  it("keeps limiters sharing one store apart by prefix", async () => {
    const store = new MemoryCounterStore();
    const a = new RateLimiter(1, 60_000, store, "a:");
    const b = new RateLimiter(1, 60_000, store, "b:");
    await a.hit("k", 0);
    expect(await a.retryAfter("k", 0)).toBeGreaterThan(0);
    expect(await b.retryAfter("k", 0)).toBe(0);
  });
});

describe("SignInLimits.delayMs", () => {
  it("grows with an account's failures from any address and stops at a few seconds", async () => {
    const limits = new SignInLimits();
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      delays.push(await limits.delayMs("a@example.org", 0));
      await limits.failed("a@example.org", `198.51.100.${i}`, 0);
    }
    expect(delays.slice(0, SIGN_IN_LIMIT.delayAfter)).toEqual(
      Array(SIGN_IN_LIMIT.delayAfter).fill(0),
    );
    expect(delays[SIGN_IN_LIMIT.delayAfter]).toBe(SIGN_IN_LIMIT.baseDelayMs);
    for (let i = 1; i < delays.length; i++)
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    expect(Math.max(...delays)).toBe(SIGN_IN_LIMIT.maxDelayMs);
    expect(SIGN_IN_LIMIT.maxDelayMs).toBeLessThanOrEqual(5000);
    expect(await limits.delayMs("b@example.org", 0)).toBe(0);
    expect(await limits.delayMs("a@example.org", SIGN_IN_LIMIT.windowMs + 1)).toBe(0);
  });
});
