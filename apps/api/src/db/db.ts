import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/**
 * The query layer, the same type over PGlite and node-postgres. Drizzle is used for its `sql`
 * template (parameters, composition) and transactions only: the migrations folder is the one
 * definition of the tables, so no schema mirror is kept to drift from it.
 */
export type Orm = PgDatabase<PgQueryResultHKT>;

/** Anything that can run a drizzle query: the database or a transaction. */
export type Executor = Pick<Orm, "execute">;

/** A database handle: which engine, the drizzle query layer, and its lifecycle. */
export interface Db {
  readonly kind: "pglite" | "postgres";
  readonly orm: Orm;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** Runs a raw parameterised query and returns its rows (both drivers put them in `rows`). */
export async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
