import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshAddress } from "../../../../test/support/forms.ts";
import type { TestApp } from "../../../../test/support/test-app.ts";
import { createTwoInstances } from "../../../../test/support/two-instances.ts";
import { resultRows } from "../../db/result-rows.ts";

let first: TestApp;
let second: TestApp;
let instances: Awaited<ReturnType<typeof createTwoInstances>>;

beforeAll(async () => {
  instances = await createTwoInstances();
  ({ first, second } = instances);
});
afterAll(() => instances?.close());

const attempt = (app: TestApp, address: string, url = "/sign-in") =>
  app.app.inject({ method: "POST", url, remoteAddress: address, payload: {} });

describe("rate limits with two instances on one database", () => {
  it("refuse the eleventh sign-in attempt in a minute, whichever instance gets it", async () => {
    for (const last of [first, second]) {
      const address = freshAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++)
        statuses.push((await attempt(i % 2 === 0 ? first : second, address)).statusCode);
      const eleventh = await attempt(last, address);
      // Ten refused for the missing form token, each counted; the eleventh is held whichever instance.
      expect(statuses).toEqual(Array(10).fill(403));
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.body).toContain("Please wait a moment");
      expect(Number(eleventh.headers["retry-after"])).toBeGreaterThan(0);
    }
  });

  it("count each route and each address apart", async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await attempt(i % 2 ? first : second, address);
    expect((await attempt(first, address)).statusCode).toBe(429);
    expect((await attempt(second, address, "/password-reset")).statusCode).toBe(403);
    expect((await attempt(second, freshAddress())).statusCode).toBe(403);
  });

  it("start a new window once the old one has ended", async () => {
    const address = freshAddress();
    for (let i = 0; i < 11; i++) await attempt(first, address);
    expect((await attempt(second, address)).statusCode).toBe(429);
    await first.handle.db.execute(sql`update rate_limit_windows set ends_at = now() - interval '1 second'`);
    expect((await attempt(second, address)).statusCode).toBe(403);
  });

  it("store no address, only a keyed hash of route and address", async () => {
    const rows = resultRows<{ key: string }>(
      await first.handle.db.execute(sql`select key from rate_limit_windows`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).toMatch(/^[\w-]{43}$/);
      expect(key).not.toContain("10.");
    }
  });
});
