import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Migration } from "./migrate";

/**
 * Reads the SQL migrations from disk. Under tsx/vitest this file sits in src/db/; in the tsup
 * bundle it is inlined into dist/node.js and the build copies the SQL to dist/migrations/.
 */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, "migrations"),
    join(here, "db", "migrations"),
    join(here, "..", "src", "db", "migrations"),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, "0001_init.sql")));
  if (!found) throw new Error(`cannot find the SQL migrations; looked in ${candidates.join(", ")}`);
  return found;
}

/** Every `*.sql` file in the migrations folder, in name order. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}
