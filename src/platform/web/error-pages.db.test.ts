import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingLogger } from "../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

const logs = capturingLogger();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
});
afterAll(() => t.close());

describe("error pages", () => {
  it("shows a friendly 404 that keeps the site's frame", async () => {
    const response = await t.app.inject({ url: "/a/page/that/never/was" });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("We couldn't find that page");
    expect(response.body).toContain('href="/help-now"');
  });

  it("shows a calm 500 page with no stack trace or error text when something breaks inside", async () => {
    // Break the database under a page that has not been cached yet.
    await t.handle.db.execute(sql`alter table articles rename to articles_gone`);
    try {
      // A page whose query carries a parameter, so the failure's message would include it.
      const response = await t.app.inject({ url: "/articles/the-three-cycles" });
      expect(response.statusCode).toBe(500);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.body).toContain("Something went wrong on our side");
      expect(response.body).not.toMatch(/articles_gone|relation|does not exist|\.ts:\d+|at \w+ \(/);
      // The log keeps where it failed and the SQLSTATE, not the message (which can quote values).
      const log = logs.text();
      expect(log).toContain('"msg":"request failed"');
      expect(log).toContain('"sqlState":"42P01"');
      expect(log).not.toContain("articles_gone");
      expect(log).not.toContain("params:");
      expect(log).not.toContain("the-three-cycles");
    } finally {
      await t.handle.db.execute(sql`alter table articles_gone rename to articles`);
    }
  });
});
