import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: pino({ level: "info" }, sink) });
});
afterAll(() => t.close());

describe("request logs", () => {
  it("record the route pattern and status, never the URL, its query or a person's details", async () => {
    lines.length = 0;
    await t.app.inject({
      url: "/articles/the-three-cycles?token=secret-token-123&email=someone@example.org",
    });
    await t.app.inject({ url: "/help-now?country=US" });
    await t.app.inject({ url: "/private-path-with-a-name-jane" });
    const text = lines.join("");
    expect(text).toContain('"route":"/articles/:slug"');
    expect(text).toContain('"route":"/help-now"');
    expect(text).toContain('"status":404');
    for (const leak of [
      "secret-token-123",
      "someone@example.org",
      "country=US",
      "jane",
      "the-three-cycles",
    ]) {
      expect(text).not.toContain(leak);
    }
  });
});
