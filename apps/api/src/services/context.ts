import type { Db, Executor, Orm } from "../db/db";
import { ForbiddenError, UnauthorizedError } from "../errors";
import type { Actor, Role } from "./auth/actor";

/**
 * Who acts, when, and on which database: the one argument every service takes beside its input
 * (`({ ctx, input })`). Requests get theirs from `c.var.ctx` (middleware/service-context.ts); jobs
 * outside a request (start-up import, demo seed, CLI) build one with `systemContext`.
 */
export interface ServiceContext {
  readonly db: Db;
  /** The signed-in caller; null for anonymous requests and for jobs outside a request. */
  readonly actor: Actor | null;
  /** The time of the request, read once from the clock, so one request writes one timestamp. */
  readonly now: Date;
  /** Recorded with each audit entry; null outside a request. */
  readonly requestId: string | null;
}

/** An open transaction: pass it to the writers that must join it (`writeAudit`, `insertPartnership`). */
export type Tx = Parameters<Parameters<Orm["transaction"]>[0]>[0] & Executor;

/** The context of a job that runs outside any request, on nobody's behalf. */
export function systemContext({ db, now }: { db: Db; now: Date }): ServiceContext {
  return { db, actor: null, now, requestId: null };
}

/**
 * Runs `fn` in one transaction on `ctx.db`: every write that touches more than one row goes
 * through here, so it commits whole or not at all. Throwing from `fn` rolls back.
 */
export function withTransaction<T>(ctx: ServiceContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.orm.transaction(fn);
}

/**
 * The signed-in actor of `ctx`, for the first line of a service that needs one: 401 when nobody
 * is signed in, 403 when `roles` are given and the actor holds none of them.
 */
export function requireActor(ctx: Pick<ServiceContext, "actor">, ...roles: Role[]): Actor {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  if (roles.length > 0 && !roles.includes(actor.role))
    throw new ForbiddenError(`Only a ${roles.join(" or ")} may do this.`);
  return actor;
}
