import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.ts";
import { createLogger, readableLogLine } from "./log-lines.ts";

const capture = (isTTY: boolean) => {
  const lines: string[] = [];
  return { isTTY, lines, write: (line: string) => lines.push(line) };
};

describe("the log on a terminal", () => {
  it("reads as one line per entry: time, level, message, then the fields", () => {
    const line = readableLogLine(
      `${JSON.stringify({ level: 40, time: Date.UTC(2026, 11, 7, 10, 4, 5), msg: "job failed; will retry", job: "email.send", attempts: 2, note: "two words" })}\n`,
    );
    expect(line).toBe('10:04:05 WARN  job failed; will retry  job=email.send attempts=2 note="two words"\n');
    expect(readableLogLine("not json")).toBe("not json\n");
  });

  it("is lines on a terminal and JSON elsewhere, unless HAVEN_LOG_FORMAT says otherwise", () => {
    const tty = capture(true);
    createLogger({ logLevel: "info", logFormat: "auto" }, tty).info({ port: 3000 }, "Haven is ready");
    expect(tty.lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}Haven is ready {2}port=3000\n$/);

    const asked = capture(true);
    createLogger({ logLevel: "info", logFormat: "json" }, asked).info("ready");
    expect(asked.lines).toHaveLength(0); // JSON goes to standard output itself, as pino writes it

    const pipe = capture(false);
    createLogger({ logLevel: "info", logFormat: "lines" }, pipe).info("ready");
    expect(pipe.lines[0]).toMatch(/ INFO {2}ready\n$/);

    expect(loadConfig({}).logFormat).toBe("auto");
    expect(() => loadConfig({ HAVEN_LOG_FORMAT: "xml" })).toThrow(ConfigError);
    expect(() => loadConfig({ HAVEN_LOG_FORMAT: "xml" })).toThrow(/HAVEN_LOG_FORMAT/);
  });
});
