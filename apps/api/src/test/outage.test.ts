// The database is down (nothing listens on its port): every request that needs it answers 503
// with Retry-After, /health says so, and what the request carried never reaches the logs.
import { Problem } from "@pobratym/core";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createPostgresDb } from "../db/postgres";
import { jsonLogger } from "../logger";
import { createLimits, MemoryCounterStore } from "../middleware/rate-limit";
import { TEST_NOW } from "./test-app";

describe("with PostgreSQL unreachable", () => {
  const lines: string[] = [];
  const counters = new MemoryCounterStore();
  // Port 1 on loopback: connections are refused at once, no server needed.
  const db = createPostgresDb("postgresql://postgres@127.0.0.1:1/pobratym", { migrations: [] });
  const app = createApp({
    db,
    clock: () => TEST_NOW,
    logger: jsonLogger("debug", (line) => lines.push(line)),
    limits: createLimits(counters),
  });
  afterAll(async () => {
    await db.close();
  });

  async function expectUnavailable(res: Response) {
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = Problem.parse(await res.json());
    expect(problem.code).toBe("service-unavailable");
  }

  it("answers /health with 503", async () => {
    await expectUnavailable(await app.request("/api/v1/health"));
  });

  it("answers reads with 503", async () => {
    await expectUnavailable(await app.request("/api/v1/municipalities?q=kyiv"));
  });

  it("answers a sign-in with 503 and keeps the email and password out of the logs", async () => {
    const before = lines.length;
    const email = "marker-7f3a9c@outage.example";
    const password = "marker-password-91b2e";
    const res = await app.request("/api/v1/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    await expectUnavailable(res);
    const logged = lines.slice(before);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.some((l) => l.includes("ECONNREFUSED"))).toBe(true);
    for (const needle of [email, "marker-7f3a9c", password])
      expect(lines.filter((l) => l.includes(needle))).toEqual([]);
    // An outage is no evidence against the password: nothing was counted as a failure.
    expect(await counters.get(`sign-in:account:${email}`, TEST_NOW.getTime())).toBeUndefined();
  });
});
