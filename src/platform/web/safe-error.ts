import { sqlState } from "../db/database.ts";

/**
 * What of an error may enter the logs: its kind, code and where it happened — not its message,
 * which can quote what a person typed (a database error repeats the offending value, for one).
 */
export function safeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; stack?: unknown };
  // Only "at …" lines: a message can span several lines (Drizzle's includes the query's parameters).
  const frames =
    typeof e.stack === "string"
      ? e.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 8)
          .map((line) => line.trim())
      : [];
  return {
    type: typeof e.name === "string" ? e.name : typeof error,
    code: typeof e.code === "string" ? e.code : undefined,
    sqlState: sqlState(error),
    frames,
  };
}
