import { pino } from "pino";
import type { Config } from "../config.ts";

const levelNames: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

const fieldValue = (value: unknown) =>
  typeof value === "string" && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);

/**
 * One pino JSON line as a line a person reads on a terminal: the time (UTC), the level, the message, then
 * the fields as key=value. Anything that is not a JSON object is passed through as it is.
 */
export function readableLogLine(json: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return `${json.trimEnd()}\n`;
  const { level, time, msg, ...fields } = entry as Record<string, unknown>;
  const when = typeof time === "number" ? new Date(time).toISOString().slice(11, 19) : "--:--:--";
  const name = (typeof level === "number" && levelNames[level]) || String(level ?? "");
  const rest = Object.entries(fields)
    .map(([key, value]) => `${key}=${fieldValue(value)}`)
    .join(" ");
  return `${when} ${name.padEnd(5)} ${typeof msg === "string" ? msg : ""}${rest ? `  ${rest}` : ""}\n`;
}

/** Readable lines on a terminal (or when asked), JSON otherwise (or when asked): HAVEN_LOG_FORMAT. */
export function createLogger(
  config: Pick<Config, "logLevel" | "logFormat">,
  out: { isTTY?: boolean; write(line: string): unknown } = process.stdout,
) {
  const options = { level: config.logLevel, base: undefined };
  const lines = config.logFormat === "lines" || (config.logFormat === "auto" && out.isTTY === true);
  if (!lines) return pino(options);
  return pino(options, { write: (chunk: string) => out.write(readableLogLine(chunk)) });
}
