import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { capturingLogger } from "../../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { resultRows } from "../../../platform/db/result-rows.ts";
import { bookings } from "../../booking/booking.schema.ts";
import { loadBooking } from "../../booking/booking-record.ts";
import { selfCheckHandoffs } from "./self-check-handoff.schema.ts";

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
    expect(result.body).toContain("Book a couples consultation</button>");
    expect(result.body).toContain("not an assessment");
    expect(result.body).not.toContain("Help you can reach now");
  });

  it("puts safety first after a yes, with help for the practice's country, and no couples booking", async () => {
    const result = await post({ part: "hurt", together: "yes", "safety-afraid": "yes", go: "result" });
    expect(result.body).toContain("Your safety comes first");
    expect(result.body).toContain("0808 2000 247"); // the domestic-abuse line in the demo practice's country
    expect(result.body).toContain("Book a private individual consultation</button>");
    expect(result.body).not.toContain("Book a couples consultation");
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

describe("sharing the reflection with a booking", () => {
  const resultFor = (fields: Record<string, string>) => post({ ...fields, go: "result" });
  const keep = async (resultHtml: string, consent: boolean) => {
    const token = formTokenIn(resultHtml, "/self-check/keep");
    const summary = /name="summary" value="([^"]+)"/.exec(resultHtml)?.[1] ?? "";
    return t.app.inject({
      method: "POST",
      url: "/self-check/keep",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: { _form: token, summary, ...(consent ? { consent: "yes" } : {}) },
    });
  };

  it("keeps nothing unless the box is ticked; the button then simply opens booking", async () => {
    const result = await resultFor({
      moment: "betrayal",
      part: "hurt",
      together: "yes",
      hope: "to trust again",
    });
    expect(result.body).toMatch(/name="consent" value="yes"(?! checked)/);
    const response = await keep(result.body, false);
    expect(response.headers.location).toBe("/book?kind=couple");
    expect(response.cookies).toEqual([]);
    expect(await t.handle.db.select().from(selfCheckHandoffs)).toEqual([]);
  });

  it("with consent, carries the reflection (never the safety answers) into the booking, then forgets the copy", async () => {
    const result = await resultFor({ part: "hurt", hope: "to trust again", "safety-control": "yes" });
    const kept = await keep(result.body, true);
    expect(kept.headers.location).toBe("/book?kind=individual");
    const cookie = cookieFrom(kept, "haven-reflection");
    const [handoff] = await t.handle.db.select().from(selfCheckHandoffs);
    expect(handoff?.summaryEncrypted).toMatch(/^v1\./);
    expect(handoff?.summaryEncrypted).not.toContain("trust again");

    const times = await t.app.inject({
      url: "/book?kind=individual&zone=Europe%2FLondon",
      headers: { cookie },
    });
    const details = /href="(\/book\/details\?[^"]+)"/.exec(times.body)?.[1]?.replace(/&amp;/g, "&") as string;
    const form = await t.app.inject({ url: details, headers: { cookie } });
    expect(form.body).toContain("Your self-check reflection will be shared with the therapist");
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(form.body)?.[1] ?? "";
    const booked = await t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(form.body, "/book"),
        kind: hidden("kind"),
        zone: hidden("zone"),
        start: hidden("start"),
        submissionId: hidden("submissionId"),
        website: "",
        name: "Ana",
        email: "ana@example.org",
        contactBy: "email",
        leaveMessage: "no",
        meeting: "phone",
        phone: "+44 7700 900000",
        adult: "yes",
        privacy: "yes",
      },
    });
    expect(booked.statusCode).toBe(303);
    const [row] = await t.handle.db.select().from(bookings);
    const record = await loadBooking(t.handle.db, t.keys, row?.id as string);
    expect(record?.visitor.reflection?.safetyFirst).toBe(true);
    expect(JSON.stringify(record?.visitor.reflection)).toContain("to trust again");
    expect(JSON.stringify(record?.visitor.reflection)).not.toMatch(
      /safety-control|afraid|threaten|Does your partner/,
    );
    expect(await t.handle.db.select().from(selfCheckHandoffs)).toEqual([]);
  });
});
