import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import type { Logger } from "../../logger";
import { type ServiceContext, withTransaction } from "../context";
import { createUser } from "../users/create-user";

/**
 * Creates the first coordinator from configuration when there is no coordinator yet; does nothing
 * otherwise (so a changed password in the environment never overwrites a live account).
 * Returns whether a user was created. The advisory lock keeps two processes starting at once from
 * both creating one. Runs on nobody's behalf (a `systemContext`): the audit names "bootstrap".
 */
export async function bootstrapCoordinator({
  ctx,
  email,
  password,
  name = "Coordinator",
}: {
  ctx: ServiceContext;
  email: string;
  password: string;
  name?: string;
}): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727001)`);
    const [existing] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM users WHERE role = 'coordinator' LIMIT 1`,
    );
    if (existing) return false;
    await createUser({
      tx,
      ctx,
      email,
      name,
      role: "coordinator",
      municipalityId: null,
      password,
      as: "bootstrap",
    });
    return true;
  });
}

/**
 * Start-up hook: when POBRATYM_COORDINATOR_EMAIL and POBRATYM_COORDINATOR_PASSWORD are both set
 * and there is no coordinator, creates one. One of the two alone is a configuration mistake worth
 * a warning, not a crash.
 */
export async function bootstrapCoordinatorFromEnv({
  ctx,
  env,
  logger,
}: {
  ctx: ServiceContext;
  env: {
    POBRATYM_COORDINATOR_EMAIL?: string;
    POBRATYM_COORDINATOR_PASSWORD?: string;
    POBRATYM_COORDINATOR_NAME?: string;
  };
  logger: Logger;
}): Promise<void> {
  const email = env.POBRATYM_COORDINATOR_EMAIL;
  const password = env.POBRATYM_COORDINATOR_PASSWORD;
  if (!email && !password) return;
  if (!email || !password) {
    logger.warn(
      "set both POBRATYM_COORDINATOR_EMAIL and POBRATYM_COORDINATOR_PASSWORD to create the first coordinator",
    );
    return;
  }
  const created = await bootstrapCoordinator({
    ctx,
    email,
    password,
    name: env.POBRATYM_COORDINATOR_NAME,
  });
  if (created) logger.info("created the first coordinator from the environment", { email });
}
