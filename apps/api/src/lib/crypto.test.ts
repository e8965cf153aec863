import { describe, expect, it } from "vitest";
import {
  hashPassword,
  PASSWORD_ITERATIONS,
  randomToken,
  sha256Hex,
  timingSafeEqual,
  verifyPassword,
} from "./crypto";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery", 1000);
    const b = await hashPassword("correct horse battery", 1000);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterz", a)).toBe(false);
  });

  it("uses at least 100,000 iterations by default", async () => {
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(await hashPassword("x")).toMatch(
      new RegExp(`^pbkdf2-sha256\\$${PASSWORD_ITERATIONS}\\$`),
    );
  });

  it("treats composed and decomposed Unicode as the same password", async () => {
    const hash = await hashPassword("Växjö-kommun-2026", 1000);
    expect(await verifyPassword("Va\u0308xjo\u0308-kommun-2026", hash)).toBe(true);
  });

  it.each([
    "",
    "plain",
    "pbkdf2-sha256$0$aa$bb",
    "pbkdf2-sha256$1000$!!$bb",
    "md5$1$a$b",
    "pbkdf2-sha256$1000$aa$",
    "pbkdf2-sha256$99999999999$aa$bb",
  ])("returns false for the malformed hash %j", async (stored) => {
    expect(await verifyPassword("anything", stored)).toBe(false);
  });
});

describe("tokens", () => {
  it("makes distinct 43-character base64url tokens", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => randomToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("hashes with SHA-256 (known vector)", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it.each([
    [[], [], true],
    [[1, 2, 3], [1, 2, 3], true],
    [[1, 2, 3], [1, 2, 4], false],
    [[1, 2, 3], [1, 2], false],
    [[0], [], false],
    [[], [0], false],
  ])("timingSafeEqual(%j, %j) is %s", (a, b, expected) => {
    expect(timingSafeEqual(Uint8Array.from(a), Uint8Array.from(b))).toBe(expected);
  });
});
