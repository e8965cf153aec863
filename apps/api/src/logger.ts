/** A structured logger; the runtime entry picks the implementation, tests pass a silent one. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
const MAX_CAUSES = 5;

/**
 * What of an error goes into a log line. Logs outlive erasure requests, so nothing a request
 * carried may reach them: drizzle's "Failed query" errors hold the query's parameters (a sign-in
 * email, a password hash) in their message, and PostgreSQL's data errors quote the offending
 * value. Those are dropped; the SQL text (placeholders only), SQLSTATE and stack frames stay.
 * Any address left in a message is masked as a last line of defence.
 */
export function redactError(error: Error, depth = 0): Record<string, unknown> {
  const e = error as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { name: error.name };
  if (typeof e.code === "string") out.code = e.code;
  if (typeof e.query === "string" && "params" in e) {
    out.message = "Failed query";
    out.query = e.query;
  } else if (typeof e.severity === "string") {
    // A PostgreSQL error: class 22 (data exception) messages quote the value that failed.
    out.message =
      typeof e.code === "string" && e.code.startsWith("22") ? "[redacted]" : error.message;
    for (const k of ["routine", "table", "column", "constraint"] as const)
      if (typeof e[k] === "string") out[k] = e[k];
  } else {
    out.message = error.message;
  }
  if (typeof out.message === "string") out.message = out.message.replace(EMAIL, "[email]");
  // The stack's first lines repeat the message; only the frames are kept.
  const frames = error.stack
    ?.split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  if (frames) out.stack = frames;
  if (depth < MAX_CAUSES) {
    if (e.cause instanceof Error) out.cause = redactError(e.cause, depth + 1);
    if (Array.isArray(e.errors))
      out.errors = e.errors
        .filter((x): x is Error => x instanceof Error)
        .map((x) => redactError(x, depth + 1));
  }
  return out;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return redactError(value);
  return value;
}

/** Where a log line goes; the default writes warnings and errors to stderr, the rest to stdout. */
export type LogSink = (line: string, level: Level) => void;

const consoleSink: LogSink = (line, level) => {
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
};

/** One JSON object a line, at or above `min`. */
export function jsonLogger(min: Level = "info", sink: LogSink = consoleSink): Logger {
  const threshold = LEVELS.indexOf(min);
  const write =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS.indexOf(level) < threshold) return;
      const entry = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)]));
      sink(JSON.stringify({ level, time: new Date().toISOString(), message, ...entry }), level);
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** Discards everything; for tests that assert on responses, not logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
