import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshAddress } from "../../../../test/support/forms.ts";
import { capturingLogger } from "../../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { resultRows } from "../../../platform/db/result-rows.ts";

let t: TestApp;
const logs = capturingLogger();

beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
});
afterAll(() => t.close());

const post = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return t.app.inject({
    method: "POST",
    url: "/self-check",
    remoteAddress: freshAddress(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
};

/** Every row in every table, to show that the self-check wrote nothing. */
async function rowCounts(): Promise<string> {
  const tables = resultRows<{ table_name: string }>(
    await t.handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    ),
  );
  const counts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = resultRows<{ n: number }>(
      await t.handle.db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)}`),
    );
    counts.push(`${table_name}:${row?.n}`);
  }
  return counts.join(" ");
}

const visibleStep = (html: string) =>
  /<section class="stack" data-step="([a-z]+)" aria-labelledby/.exec(html)?.[1];

describe("the self-check without JavaScript", () => {
  it("moves step by step by POST, keeping earlier answers in the form, with the quick exit on every page", async () => {
    const first = await t.app.inject({ url: "/self-check" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    expect(visibleStep(first.body)).toBe("moment");
    expect(first.body).toContain("Exit this page");
    expect(first.body).toContain('href="https://www.bbc.co.uk/weather"');

    const second = await post({ moment: "absence", when: "year", go: "now" });
    expect(visibleStep(second.body)).toBe("now");
    expect(second.body).toMatch(/value="absence" checked/);
    const last = await post({
      moment: "absence",
      when: "year",
      signs: ["triggers"],
      pattern: "pursue-withdraw",
      part: "hurt",
      together: "yes",
      go: "safety",
    });
    expect(visibleStep(last.body)).toBe("safety");
    expect(last.body).toContain("somewhere private right now");
  });

  it("recommends a couples consultation when nothing points to danger, and opens booking with it", async () => {
    const result = await post({
      moment: "absence",
      pattern: "pursue-withdraw",
      part: "hurt",
      together: "yes",
      go: "result",
      "safety-afraid": "no",
    });
    expect(result.body).toContain('href="/book?kind=couple"');
    expect(result.body).toContain("not an assessment");
    expect(result.body).not.toContain("Help you can reach now");
  });

  it("puts safety first after a yes, with help for the practice's country, and no couples booking", async () => {
    const result = await post({ part: "hurt", together: "yes", "safety-afraid": "yes", go: "result" });
    expect(result.body).toContain("Your safety comes first");
    expect(result.body).toContain("0808 2000 247"); // the domestic-abuse line in the demo practice's country
    expect(result.body).toContain('href="/book?kind=individual"');
    expect(result.body).not.toContain('href="/book?kind=couple"');
    expect(result.body).toContain("Nobody reads this page live");
    // The answers are not repeated back.
    expect(result.body).not.toContain("Are you ever afraid of your partner");
  });

  it("meets someone who has hurt their partner without shame, with the line for them", async () => {
    const result = await post({ "safety-usedAbuse": "yes", go: "result" });
    expect(result.body).toContain("Wanting to change is a strong place to start");
    expect(result.body).toContain("0808 802 4040");
  });

  it("shows crisis help for thoughts of suicide, and for crisis words typed in the free text", async () => {
    expect((await post({ "safety-suicide": "yes", go: "result" })).body).toContain("116 123");
    const typed = await post({ hope: "honestly some days I want to die", go: "safety" });
    expect(typed.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/); // shown, not hidden
    expect((await post({ hope: "honestly some days I want to die", go: "result" })).body).toContain(
      "116 123",
    );
  });

  it("stores nothing, and logs no answer", async () => {
    const before = await rowCounts();
    await post({ hope: "the night at the hospital", "safety-hurt": "yes", go: "result" });
    expect(await rowCounts()).toBe(before);
    const written = logs.text();
    expect(written).not.toContain("hospital");
    expect(written).not.toContain("safety-hurt");
  });

  it("never lets a made-up value through to the page", async () => {
    const response = await post({ moment: "<script>alert(1)</script>", go: "now" });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain("<script>alert");
  });
});
