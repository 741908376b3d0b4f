import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { calendarBusyTimes, calendarFeeds } from "./calendar-feed.schema.ts";
import { addFeed } from "./calendar-feeds.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

// A calendar server on this machine stands in for Google, Outlook and iCloud. Haven refuses loopback
// addresses, so the test lets exactly 127.0.0.1 through, and only here; every other guard stays on.
const fixtures = path.join(import.meta.dirname, "fixtures");
const served = new Map<string, { status: number; body: string }>();
const hits = new Map<string, number>();
let server: Server;
let base: string;
const fetchOptions = {
  resolve: async () => ["127.0.0.1"],
  testOnlyAllowAddress: (address: string) => address === "127.0.0.1",
};

let t: TestApp;
let tess: TestTherapist;
let tessCookie: string;
let umaCookie: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? "/";
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const answer = served.get(url) ?? { status: 404, body: "not here" };
    response.writeHead(answer.status, { "content-type": "text/calendar" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://calendar.test:${(server.address() as AddressInfo).port}`;
  // The fixtures' events run from January to June 2026. Moved to the next such half-year still ahead, they
  // fall inside the year Haven reads ahead whatever the day this test runs.
  const today = new Date();
  const year = today.getUTCFullYear() + (today.getUTCMonth() < 5 ? 0 : 1);
  for (const name of ["google", "outlook", "icloud"]) {
    const body = fs
      .readFileSync(path.join(fixtures, `${name}.ics`), "utf8")
      .replace(/2026(?=[01]\d[0-3]\d)/g, String(year));
    served.set(`/${name}.ics`, { status: 200, body });
  }
  t = await createTestApp({ calendarFeedFetch: fetchOptions });
  await addTherapist(t, "Otto Oak", "otto@example.org");
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
});
afterAll(async () => {
  await t.close();
  server.close();
});

const page = "/practice/booking/calendars";
const add = (label: string, url: string, cookie = tessCookie) =>
  submitForm(t.app, { page, action: page, cookie, fields: { label, url } });
const view = async (cookie = tessCookie) => (await t.app.inject({ url: page, headers: { cookie } })).body;
const feedRow = async (label: string) => {
  const [row] = await t.handle.db.select().from(calendarFeeds).where(eq(calendarFeeds.label, label));
  if (!row) throw new Error(`no feed ${label}`);
  return row;
};
const busyOf = (feedId: string) =>
  t.handle.db.select().from(calendarBusyTimes).where(eq(calendarBusyTimes.feedId, feedId));

describe("the therapist's own calendars", () => {
  it("adds a feed in each provider's shape, reads it at once, and keeps only when, never what", async () => {
    for (const name of ["google", "outlook", "icloud"]) {
      const response = await add(`${name} calendar`, `${base}/${name}.ics`);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`${page}?notice=added`);
      const row = await feedRow(`${name} calendar`);
      expect(row.lastError).toBeNull();
      expect(row.busyCount).toBeGreaterThan(0);
      expect((await busyOf(row.id)).length).toBe(row.busyCount);
      // The address is a secret: encrypted at rest, and only its host is shown.
      expect(row.urlEncrypted).not.toContain(name);
      expect(row.host).toBe("calendar.test");
    }
    const html = await view();
    expect(html).toContain("google calendar");
    expect(html).toContain("From calendar.test");
    expect(html).not.toContain("google.ics");
    expect(html).toMatch(/\d+ busy times in the coming year/);
    // Titles from the calendars are never stored anywhere.
    const dump = JSON.stringify(await t.handle.db.select().from(calendarBusyTimes));
    expect(dump).not.toContain("Supervision");
  });

  it("refuses an address inside a private network, with the reason beside the field and nothing stored", async () => {
    for (const url of [
      "http://10.0.0.5/cal.ics",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/c.ics",
    ]) {
      const before = (await t.handle.db.select().from(calendarFeeds)).length;
      const response = await add("Sneaky", url);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(
        "This address points inside a private network, so Haven will not fetch it.",
      );
      expect(response.body).toContain(url.replace("&", "&amp;"));
      expect((await t.handle.db.select().from(calendarFeeds)).length).toBe(before);
    }
    const bad = await add("", "ftp://example.org/cal.ics");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Please give it a name");
    expect(bad.body).toContain("Haven can only fetch calendar addresses that start with https://");
  });

  it("shows a failing feed with its error and its last good read, and keeps that read's busy times", async () => {
    served.set("/flaky.ics", served.get("/google.ics") as { status: number; body: string });
    expect((await add("Flaky", `${base}/flaky.ics`)).headers.location).toBe(`${page}?notice=added`);
    const row = await feedRow("Flaky");
    const kept = (await busyOf(row.id)).length;
    expect(kept).toBeGreaterThan(0);

    served.set("/flaky.ics", { status: 500, body: "oops" });
    const later = new Date(Date.now() + 11 * 60_000); // due again after 10 minutes
    expect(await refreshDueFeeds(t.handle.db, t.keys, { now: later, fetch: fetchOptions })).toMatchObject({
      failed: 1,
    });
    const failed = await feedRow("Flaky");
    expect(failed.lastError).toBe("The calendar address answered 500 Internal server error.");
    expect(failed.lastSuccessAt).not.toBeNull();
    expect((await busyOf(row.id)).length).toBe(kept);
    const html = await view();
    expect(html).toContain("The last read failed:");
    expect(html).toContain("The calendar address answered 500 Internal server error.");
    expect(html).toContain("the busy times from that read still block consultation times");

    const never = await add("Never", `${base}/missing.ics`);
    expect(never.headers.location).toBe(`${page}?notice=added-failed`);
    expect(await view()).toContain("It has never been read successfully");
    // Nor is it left for the calendars page alone: the practice home says so too.
    const home = await t.app.inject({ url: "/practice", headers: { cookie: tessCookie } });
    expect(home.body).toContain("2 of your calendars could not be read");
    expect(home.body).toContain('href="/practice/booking/calendars"');
  });

  it("reads each due feed once even when two instances look at the same moment", async () => {
    served.set("/shared.ics", served.get("/outlook.ics") as { status: number; body: string });
    await addFeed(t.handle.db, t.keys, {
      therapistId: tess.id,
      label: "Shared",
      url: new URL(`${base}/shared.ics`),
    });
    const now = new Date(Date.now() + 60 * 60_000);
    const [first, second] = await Promise.all([
      refreshDueFeeds(t.handle.db, t.keys, { now, fetch: fetchOptions }),
      refreshDueFeeds(t.handle.db, t.keys, { now, fetch: fetchOptions }),
    ]);
    expect(hits.get("/shared.ics")).toBe(1);
    // Every due feed was read by exactly one of the two.
    const total = (first?.read ?? 0) + (first?.failed ?? 0) + (second?.read ?? 0) + (second?.failed ?? 0);
    expect(total).toBe((await t.handle.db.select().from(calendarFeeds)).length);
    // And not again until ten minutes have passed.
    await refreshDueFeeds(t.handle.db, t.keys, {
      now: new Date(now.getTime() + 5 * 60_000),
      fetch: fetchOptions,
    });
    expect(hits.get("/shared.ics")).toBe(1);
  });

  it("lets the therapist check and remove only their own feeds", async () => {
    const row = await feedRow("Shared");
    // Uma's own genuine token, posted against Tess's feed.
    const umaToken = formTokenIn(await view(umaCookie), page);
    for (const action of ["remove", "check"]) {
      const attempt = await t.app.inject({
        method: "POST",
        url: `${page}/${row.id}/${action}`,
        headers: { cookie: umaCookie, "sec-fetch-site": "same-origin" },
        payload: { _form: umaToken },
      });
      expect(attempt.statusCode).toBe(404);
    }
    expect(await view(umaCookie)).toContain("None yet.");

    const check = await submitForm(t.app, {
      page,
      action: `${page}/${row.id}/check`,
      cookie: tessCookie,
      fields: {},
    });
    expect(check.headers.location).toBe(`${page}?notice=checked`);
    expect(hits.get("/shared.ics")).toBe(2);
    const removed = await submitForm(t.app, {
      page,
      action: `${page}/${row.id}/remove`,
      cookie: tessCookie,
      fields: {},
    });
    expect(removed.headers.location).toBe(`${page}?notice=removed`);
    expect(await busyOf(row.id)).toEqual([]);
  });
});
