import { Writable } from "node:stream";
import { type Logger, pino } from "pino";

/** A real pino logger whose lines a test can read back. */
export function capturingLogger(): { logger: Logger; text(): string; clear(): void } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return {
    logger: pino({ level: "info" }, sink),
    text: () => lines.join(""),
    clear: () => {
      lines.length = 0;
    },
  };
}
