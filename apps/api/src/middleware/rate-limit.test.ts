import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("blocks a key after `limit` hits until the window ends, then lets it try again", () => {
    const limiter = new RateLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("k", 1000)).toBe(0);
      limiter.hit("k", 1000);
    }
    expect(limiter.retryAfter("k", 1000)).toBe(60);
    expect(limiter.retryAfter("k", 30_500)).toBe(31);
    expect(limiter.retryAfter("other", 1000)).toBe(0);
    expect(limiter.retryAfter("k", 61_000)).toBe(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.hit("k", 0);
    expect(limiter.retryAfter("k", 0)).toBeGreaterThan(0);
    limiter.reset("k");
    expect(limiter.retryAfter("k", 0)).toBe(0);
  });

  it("keeps at most maxKeys keys, dropping expired ones first", () => {
    const limiter = new RateLimiter(1, 10, 3);
    for (const k of ["a", "b", "c"]) limiter.hit(k, 0);
    limiter.hit("d", 5);
    limiter.hit("e", 100);
    expect(limiter.retryAfter("e", 100)).toBeGreaterThan(0);
    expect(limiter.retryAfter("a", 5)).toBe(0);
  });
});
