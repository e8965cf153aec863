import { createApp } from "../app";
import type { Db } from "../db/create-db";
import type { Deps } from "../deps";
import { silentLogger } from "../logger";
import type { Actor } from "../services/auth/actor";
import type { ServiceContext } from "../services/context";

/** A fixed clock, so timestamps in assertions are predictable. */
export const TEST_NOW = new Date("2026-11-23T12:00:00.000Z");

/** The address test requests seem to come from: a proxy that sets X-Forwarded-For. */
export const TEST_PROXY = "192.0.2.254";

/**
 * The app over a test database, with a fixed clock and a silent logger. Requests come from one
 * trusted proxy (TEST_PROXY), so tests pick client addresses with X-Forwarded-For; pass
 * `trustProxy` and `peerAddress` to test other setups.
 */
export function testApp(db: Db, overrides: Partial<Omit<Deps, "db">> = {}) {
  return createApp({
    db,
    clock: () => TEST_NOW,
    logger: silentLogger,
    version: "test",
    trustProxy: { kind: "hops", hops: 1 },
    peerAddress: () => TEST_PROXY,
    ...overrides,
  });
}

/**
 * The context a service test calls services with: the test clock, and `actor` when the call is
 * made on someone's behalf (a `TestUser.actor`).
 * @example
 * await acceptRound({ ctx: testContext(db, { actor: coordinator.actor }), id, input });
 */
export function testContext(
  db: Db,
  opts: { actor?: Actor | null; now?: Date; requestId?: string | null } = {},
): ServiceContext {
  return {
    db,
    actor: opts.actor ?? null,
    now: opts.now ?? TEST_NOW,
    requestId: opts.requestId ?? null,
  };
}
