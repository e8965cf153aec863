// Test databases: a fresh PGlite in a temporary folder, and, when DATABASE_URL is set, a uniquely
// named temporary PostgreSQL database created from that URL and dropped afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type CreateDbOptions, createDb, type Db } from "../db/create-db";

export type Engine = "pglite" | "postgres";

/** The engines the suite runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase {
  /** Opens a handle on this test database (the first one is opened for you as `db`). */
  open(opts?: CreateDbOptions): Promise<Db>;
  db: Db;
  /** Closes every handle opened here and removes the database. */
  dispose(): Promise<void>;
}

/** Creates an empty database for one test file and opens it with the migrations applied. */
export async function createTestDatabase(
  engine: Engine,
  opts: CreateDbOptions = {},
): Promise<TestDatabase> {
  const handles: Db[] = [];
  let open: (o?: CreateDbOptions) => Promise<Db>;
  let remove: () => Promise<void>;
  if (engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "pobratym-test-"));
    open = (o) => createDb(undefined, { ...opts, ...o, dataDir: dir });
    remove = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error("DATABASE_URL is not set");
    const name = `pobratym_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    open = (o) => createDb(url.toString(), { max: 4, ...opts, ...o });
    remove = async () => {
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    };
  }
  const tracked = async (o?: CreateDbOptions) => {
    const db = await open(o);
    handles.push(db);
    return db;
  };
  const db = await tracked();
  return {
    db,
    open: tracked,
    async dispose() {
      for (const h of handles) await h.close();
      await remove();
    },
  };
}
