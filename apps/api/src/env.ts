import { z } from "zod";
import { parseTrustProxy } from "./lib/trust-proxy";

/**
 * The API's environment. These variable names are a stable interface: operators, CI and the
 * root scripts set them.
 */
export const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  /** Where embedded PGlite keeps its files when DATABASE_URL is not set. */
  POBRATYM_DATA_DIR: z.string().min(1).default(".pobratym-data"),
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL")
    .optional(),
  /**
   * A folder in the reference data formats, imported (idempotently) at start-up; `off` for none.
   * Unset, the Node entry imports the catalogue shipped in @pobratym/reference-data.
   */
  POBRATYM_REFERENCE_DIR: z.string().min(1).optional(),
  /**
   * Whose X-Forwarded-For, -Proto and -Host to believe: unset or `off` for nobody (the API faces
   * clients directly), a hop count (`1` behind one proxy), or a comma-separated list of proxy
   * addresses and CIDR ranges (`10.0.0.0/8,127.0.0.1`).
   */
  POBRATYM_TRUST_PROXY: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseTrustProxy(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /**
   * The origin browsers reach the API at (`https://pobratym.example.org`). When set, the CSRF
   * check, the cookie's Secure flag and HSTS follow it and no forwarded header is consulted.
   */
  POBRATYM_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" })
    .optional(),
  /**
   * `1`: run on the demo dataset (seeded into an empty catalogue) and import no reference data.
   * The demo is also seeded into an empty catalogue when the import is off.
   */
  POBRATYM_DEMO: z.enum(["0", "1"]).optional(),
  /**
   * The largest share (0–1) of hromadas whose situation one reference import may change; an
   * import that would change more is refused. The first import into an empty catalogue is exempt.
   */
  POBRATYM_IMPORT_MAX_CHANGE: z.coerce.number().min(0).max(1).default(0.1),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * The first coordinator: created at start-up from these when no coordinator exists yet (never
   * overwrites an account). Unset by default; there is no default password.
   */
  POBRATYM_COORDINATOR_EMAIL: z.string().trim().pipe(z.email()).optional(),
  POBRATYM_COORDINATOR_PASSWORD: z
    .string()
    .min(12, "use at least 12 characters")
    .max(200)
    .optional(),
  POBRATYM_COORDINATOR_NAME: z.string().trim().min(1).max(200).optional(),
});
export type Env = z.infer<typeof Env>;

/** Parses an environment record; empty strings count as unset so `FOO= cmd` behaves. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`invalid environment:\n${lines}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The process environment, parsed once. Only runtime entries call this; the app gets values as deps. */
export function env(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    // pnpm runs package scripts inside apps/api; INIT_CWD is where the person typed the command,
    // so `POBRATYM_REFERENCE_DIR=../shared/data pnpm start` at the repo root means what it says.
    const base = process.env.INIT_CWD ?? process.cwd();
    parsed.POBRATYM_DATA_DIR = resolveFrom(base, parsed.POBRATYM_DATA_DIR);
    if (parsed.POBRATYM_REFERENCE_DIR && parsed.POBRATYM_REFERENCE_DIR !== "off")
      parsed.POBRATYM_REFERENCE_DIR = resolveFrom(base, parsed.POBRATYM_REFERENCE_DIR);
    cached = parsed;
  }
  return cached;
}

/** Resolves a relative folder against `base`; absolute paths (POSIX or Windows) pass through. */
export function resolveFrom(base: string, path: string): string {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\")) return path;
  const parts = `${base.replace(/[\\/]+$/, "")}/${path}`.split(/[\\/]+/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") {
      if (out.length > 1) out.pop();
    } else if (part !== ".") out.push(part);
  }
  return out.join("/") || "/";
}
