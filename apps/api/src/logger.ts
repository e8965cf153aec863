/** A structured logger; the runtime entry picks the implementation, tests pass a silent one. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

function serialise(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** One JSON object a line on stdout/stderr, at or above `min`. */
export function jsonLogger(min: Level = "info"): Logger {
  const threshold = LEVELS.indexOf(min);
  const write =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS.indexOf(level) < threshold) return;
      const entry = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, serialise(v)]));
      const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...entry });
      if (level === "error" || level === "warn") console.error(line);
      else console.log(line);
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** Discards everything; for tests that assert on responses, not logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
