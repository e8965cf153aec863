import { createApp } from "../app";
import type { Db } from "../db/create-db";
import { silentLogger } from "../logger";

/** A fixed clock, so timestamps in assertions are predictable. */
export const TEST_NOW = new Date("2026-11-23T12:00:00.000Z");

/** The app over a test database, with a fixed clock and a silent logger. */
export function testApp(db: Db, overrides: { bodyLimit?: number } = {}) {
  return createApp({
    db,
    clock: () => TEST_NOW,
    logger: silentLogger,
    version: "test",
    ...overrides,
  });
}
