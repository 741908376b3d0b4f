import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger } from "../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

const logs = capturingLogger();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
});
afterAll(() => t.close());

describe("request logs", () => {
  it("record the route pattern and status, never the URL, its query or a person's details", async () => {
    logs.clear();
    await t.app.inject({
      url: "/articles/the-three-cycles?token=secret-token-123&email=someone@example.org",
    });
    await t.app.inject({ url: "/help-now?country=US" });
    await t.app.inject({ url: "/private-path-with-a-name-jane" });
    const text = logs.text();
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
