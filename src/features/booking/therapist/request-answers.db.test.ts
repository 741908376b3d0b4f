import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm, withoutFormTokens } from "../../../../test/support/forms.ts";
import { type DeliveredMail, deliveredMail } from "../../../../test/support/outbox.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestTherapist,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { testDatabaseLane } from "../../../../test/support/test-database-lane.ts";
import { openPostgres } from "../../../platform/db/open-postgres.ts";
import { loadStartupFiles } from "../../../startup/load-startup-files.ts";
import { prepareApp } from "../../../startup/prepare-app.ts";
import { bookings } from "../booking.schema.ts";
import { scheduleRequestExpiry } from "../booking-jobs.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { requestWords } from "../visitor/messages.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { declineMessageMaxLength } from "./message-limits.ts";
import { answerWords, settingsMessages } from "./messages.ts";

// Approve first through the whole web stack (record 038): what the visitor sees and is sent at each
// step, the therapist's list and its Approve and Decline forms, and the expiry job.
let t: TestApp;
let tess: TestTherapist;
let olive: TestTherapist;
let tessCookie: string;
let oliveCookie: string;
let second: { app: FastifyInstance; close(): Promise<void> } | undefined;

beforeAll(async () => {
  // No demo therapist: Tess, the oldest therapist with hours, is the one visitors book with.
  t = await createTestApp({ env: { HAVEN_DEMO: "0" } });
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  olive = await addTherapist(t, "Olive Oak", "olive@example.org");
  tessCookie = await signInTherapist(t, tess);
  oliveCookie = await signInTherapist(t, olive);
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId: tess.id,
      weekday,
      startMinute: 480,
      endMinute: 1200,
    })),
  );
  await t.handle.db
    .insert(bookingSettings)
    .values({ therapistId: tess.id, minimumNoticeMinutes: 0, approvalRequired: true });
  if (testDatabaseLane() === "postgres") {
    // A second app instance on the same database, as two servers behind one address would be.
    const handle = await openPostgres(t.handle.connectionString as string, 5);
    const app = await prepareApp(handle, t.config, loadStartupFiles(t.config), {
      freshEmbedded: false,
      logger: pino({ level: "silent" }),
    });
    await app.ready();
    second = {
      app,
      async close() {
        await app.close();
        await handle.close();
      },
    };
  }
});
afterAll(async () => {
  await second?.close();
  await t.close();
});

const db = () => t.handle.db;

/** The times the visitor's page offers this week and next, as details-page links. */
async function offeredLinks(): Promise<string[]> {
  const links: string[] = [];
  for (const week of [0, 1]) {
    const page = await t.app.inject({ url: `/book?kind=individual&zone=Europe%2FLondon&week=${week}` });
    for (const m of page.body.matchAll(/href="(\/book\/details\?[^"]+)"/g))
      links.push(m[1]?.replace(/&amp;/g, "&") as string);
  }
  return [...new Set(links)];
}
const startOf = (href: string) => Number(new URLSearchParams(href.split("?")[1]).get("start"));

let visitors = 0;
/** A visitor requests the `pick`-th offered time through the booking form; returns their manage link. */
async function requestTime(options: { pick?: number; contactBy?: string } = {}) {
  visitors++;
  const href = (await offeredLinks())[options.pick ?? 0] as string;
  const page = await t.app.inject({ url: href });
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? "";
  const email = `visitor${visitors}@example.org`;
  const response = await t.app.inject({
    method: "POST",
    url: "/book",
    remoteAddress: freshAddress(),
    headers: { "sec-fetch-site": "same-origin" },
    payload: {
      _form: formTokenIn(page.body, "/book"),
      kind: hidden("kind"),
      zone: hidden("zone"),
      start: hidden("start"),
      submissionId: hidden("submissionId"),
      website: "",
      name: `Visitor ${visitors}`,
      email,
      phone: "+44 7700 900123",
      contactBy: options.contactBy ?? "email",
      leaveMessage: "yes",
      meeting: "video",
      adult: "yes",
      privacy: "yes",
    },
  });
  const location = response.headers.location as string;
  const link = location.replace(/\?.*$/, "");
  const id = /manage\/([0-9a-f-]{36})/.exec(link)?.[1] as string;
  return { location, link, id, email, name: `Visitor ${visitors}`, start: startOf(href) };
}

async function statusOf(id: string) {
  const [row] = await db().select().from(bookings).where(eq(bookings.id, id));
  return row?.status;
}

/**
 * Posts an answer as a signed-in therapist with their session's genuine form token. Tokens are bound to
 * the session, not the page, so one from the settings page (which always has a form) is as good.
 */
async function answer(
  cookie: string,
  id: string,
  action: "approve" | "decline",
  fields: Record<string, string> = {},
) {
  const page = await t.app.inject({ url: "/practice/booking", headers: { cookie } });
  return t.app.inject({
    method: "POST",
    url: `/practice/consultations/${id}/${action}`,
    remoteAddress: freshAddress(),
    headers: { cookie, "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(page.body), ...fields },
  });
}

/** Runs the job queue until nothing is left, including passes the expiry job asks for. */
async function settle(): Promise<DeliveredMail[]> {
  await deliveredMail(t);
  await t.app.jobs.idle();
  return deliveredMail(t);
}
const mailTo = async (to: string) => (await settle()).filter((m) => m.to.includes(to));
const rawOf = (m: DeliveredMail) => fs.readFileSync(path.join(t.config.dataDir, "outbox", m.file), "utf8");

describe("the visitor's side of a request", () => {
  it("says it is a request, not a booking, on the page and in the email, and offers no calendar file yet", async () => {
    const details = await t.app.inject({ url: (await offeredLinks())[0] as string });
    expect(details.body).toContain("Request this time");
    expect(details.body).toContain("Your time is held for you while they decide");
    const visitor = await requestTime();
    expect(visitor.location).toMatch(/\?notice=requested$/);
    const page = await t.app.inject({ url: visitor.location });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(requestWords.status.requested);
    expect(page.body).toContain("your request is sent");
    expect(page.body).toContain("will confirm or decline it by");
    expect(page.body).toContain("Withdraw the request");
    expect(page.body).not.toContain("consultation.ics");
    expect(page.body).not.toContain("calendar.google.com");
    const ics = await t.app.inject({ url: `${visitor.link}/consultation.ics` });
    expect([ics.statusCode, ics.headers.location]).toEqual([303, visitor.link]);

    const [received] = await mailTo(visitor.email);
    expect(received?.text).toContain("We have your request");
    expect(received?.text).toContain("It is not confirmed yet");
    expect(rawOf(received as DeliveredMail)).not.toContain("BEGIN:VCALENDAR");
    const therapistMail = (await mailTo("tess@example.org")).at(-1);
    expect(therapistMail?.text).toContain("Please approve or decline it by");
    expect(rawOf(therapistMail as DeliveredMail)).not.toContain("BEGIN:VCALENDAR");
    expect(received?.subject).toBe("Appointment with Haven demo practice");
  });

  it("sends nothing to a visitor who did not choose email, at any step", async () => {
    const visitor = await requestTime({ contactBy: "phone" });
    expect((await answer(tessCookie, visitor.id, "approve")).statusCode).toBe(303);
    expect(await mailTo(visitor.email)).toEqual([]);
    const page = await t.app.inject({ url: visitor.link });
    expect(page.body).toContain("consultation.ics"); // confirmed now: the page tells them, with the file
  });
});

describe("the therapist's list", () => {
  it("shows requests waiting for an answer first, each with Approve and Decline, then confirmed ones", async () => {
    const confirmed = await requestTime({ pick: 0 });
    await answer(tessCookie, confirmed.id, "approve");
    const waiting = await requestTime({ pick: 30 });
    expect(confirmed.start).toBeLessThan(waiting.start);
    const page = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const pendingAt = html.indexOf("Waiting for your answer");
    const confirmedAt = html.indexOf("Confirmed, soonest first");
    expect(pendingAt).toBeGreaterThan(-1);
    expect(html.indexOf(waiting.name)).toBeGreaterThan(pendingAt);
    expect(html.indexOf(waiting.name)).toBeLessThan(confirmedAt);
    expect(html.indexOf(confirmed.name)).toBeGreaterThan(confirmedAt);
    expect(html).toContain(`action="/practice/consultations/${waiting.id}/approve"`);
    expect(html).toContain(`action="/practice/consultations/${waiting.id}/decline"`);
    expect(html).not.toContain(`action="/practice/consultations/${confirmed.id}/approve"`);
    // The practice home points to it, so a request does not lapse unseen.
    const home = await t.app.inject({ url: "/practice", headers: { cookie: tessCookie } });
    expect(home.body).toMatch(/\d+ requests? (is|are) waiting for your answer/);
  });
});

describe("approving and declining", () => {
  it("approves: confirmed for the visitor, with the calendar file, and a second press changes nothing", async () => {
    const visitor = await requestTime({ pick: 2 });
    const approved = await answer(tessCookie, visitor.id, "approve");
    expect([approved.statusCode, approved.headers.location]).toEqual([
      303,
      "/practice/consultations?notice=approved",
    ]);
    expect(await statusOf(visitor.id)).toBe("confirmed");
    const list = await t.app.inject({
      url: approved.headers.location as string,
      headers: { cookie: tessCookie },
    });
    expect(list.body).toContain(answerWords.notices.approved);

    const page = await t.app.inject({ url: visitor.link });
    expect(page.body).not.toContain(requestWords.status.requested);
    expect(page.body).toContain("Add it to your calendar");
    const ics = await t.app.inject({ url: `${visitor.link}/consultation.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain("STATUS:CONFIRMED");
    const confirmation = (await mailTo(visitor.email)).find((m) => m.text.includes("is confirmed"));
    expect(rawOf(confirmation as DeliveredMail)).toContain("METHOD:REQUEST");
    expect(rawOf(confirmation as DeliveredMail)).toContain("SEQUENCE:1");

    const again = await answer(tessCookie, visitor.id, "approve");
    expect(again.headers.location).toBe("/practice/consultations?notice=already-answered");
    expect((await mailTo(visitor.email)).filter((m) => m.text.includes("is confirmed"))).toHaveLength(1);
  });

  it("declines with a message: the time is offered again and the visitor reads the message", async () => {
    const visitor = await requestTime({ pick: 4 });
    expect(await offeredLinks()).not.toContainEqual(expect.stringContaining(`start=${visitor.start}`));
    const tooLong = "x".repeat(declineMessageMaxLength + 1);
    const refused = await answer(tessCookie, visitor.id, "decline", { message: tooLong });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`id="decline-message-${visitor.id}-error">${answerWords.messageTooLong}`);
    expect(refused.body).toContain(tooLong);
    expect(await statusOf(visitor.id)).toBe("requested");

    const message = "I'm away that week. Any day after the 30th would suit.";
    const declined = await answer(tessCookie, visitor.id, "decline", { message });
    expect(declined.headers.location).toBe("/practice/consultations?notice=declined");
    expect(await statusOf(visitor.id)).toBe("declined");
    const page = await t.app.inject({ url: visitor.link });
    expect(page.body).toContain(requestWords.status.declined);
    expect(page.body).toContain("Any day after the 30th would suit.");
    expect(page.body).not.toContain("Withdraw the request");
    expect(await offeredLinks()).toContainEqual(expect.stringContaining(`start=${visitor.start}`));
    const told = (await mailTo(visitor.email)).find((m) => m.text.includes("can't offer a consultation"));
    expect(told?.text).toContain(message);
  });

  it("refuses a forged, another person's or cross-site form, and changes nothing", async () => {
    const visitor = await requestTime({ pick: 6 });
    const post = (cookie: string, token: string, site = "same-origin") =>
      t.app.inject({
        method: "POST",
        url: `/practice/consultations/${visitor.id}/approve`,
        remoteAddress: freshAddress(),
        headers: { cookie, "sec-fetch-site": site },
        payload: { _form: token },
      });
    const forged = await post(tessCookie, "forged");
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("open a long time");
    // Olive has no requests: her token comes from her settings page (tokens are bound to the session).
    const olivePage = await t.app.inject({ url: "/practice/booking", headers: { cookie: oliveCookie } });
    expect((await post(tessCookie, formTokenIn(olivePage.body))).statusCode).toBe(403);
    const tessPage = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect((await post(tessCookie, formTokenIn(tessPage.body), "cross-site")).statusCode).toBe(403);
    expect(await statusOf(visitor.id)).toBe("requested");
  });

  it("answers another therapist's request exactly as one that does not exist", async () => {
    const visitor = await requestTime({ pick: 8 });
    const others = await answer(oliveCookie, visitor.id, "approve");
    const unknown = await answer(oliveCookie, randomUUID(), "approve");
    const nonsense = await answer(oliveCookie, "not-an-id", "approve");
    const declineOthers = await answer(oliveCookie, visitor.id, "decline", { message: "No." });
    expect(others.statusCode).toBe(404);
    for (const response of [unknown, nonsense, declineOthers]) {
      expect(response.statusCode).toBe(others.statusCode);
      expect(withoutFormTokens(response.body)).toBe(withoutFormTokens(others.body));
    }
    expect(await statusOf(visitor.id)).toBe("requested");
  });

  it("sends anyone not signed in as a therapist to the sign-in page", async () => {
    const visitor = await requestTime({ pick: 10 });
    const [client] = await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }]);
    for (const cookie of [client?.cookie, undefined])
      for (const action of ["approve", "decline"]) {
        const response = await t.app.inject({
          method: "POST",
          url: `/practice/consultations/${visitor.id}/${action}`,
          remoteAddress: freshAddress(),
          headers: { ...(cookie ? { cookie } : {}), "sec-fetch-site": "same-origin" },
          payload: { _form: "x" },
        });
        expect([response.statusCode, response.headers.location]).toEqual([303, "/sign-in"]);
      }
    expect(await statusOf(visitor.id)).toBe("requested");
  });
});

describe("a request nobody answers", () => {
  it("reads as lapsed and frees its time as soon as it expires, is expired by the job once, and cannot then be approved", async () => {
    const visitor = await requestTime({ pick: 12 });
    const before = (await mailTo(visitor.email)).length;
    // Time passes: the request's expiry is now a minute ago, and its job (plus a stray duplicate) is due.
    await db()
      .update(bookings)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(bookings.id, visitor.id));
    const page = await t.app.inject({ url: visitor.link });
    expect(page.body).toContain(requestWords.status.expired);
    expect(await offeredLinks()).toContainEqual(expect.stringContaining(`start=${visitor.start}`));

    const past = new Date(Date.now() - 60_000);
    await scheduleRequestExpiry(db(), t.keys, past);
    await scheduleRequestExpiry(db(), t.keys, past);
    // Two instances' runners at once (on PostgreSQL a real second app; on PGlite two passes).
    await Promise.all([t.app.jobs.runOnce(), (second?.app ?? t.app).jobs.runOnce()]);
    await second?.app.jobs.idle();
    expect(await statusOf(visitor.id)).toBe("expired");
    const lapsed = (await mailTo(visitor.email)).slice(before);
    expect(lapsed.map((m) => m.text.includes("could not be confirmed in time"))).toEqual([true]);
    expect((await mailTo("tess@example.org")).at(-1)?.text).toContain("lapsed without an answer");

    const late = await answer(tessCookie, visitor.id, "approve");
    expect(late.headers.location).toBe("/practice/consultations?notice=expired");
    const list = await t.app.inject({
      url: late.headers.location as string,
      headers: { cookie: tessCookie },
    });
    expect(list.body).toContain(answerWords.notices.expired);
    expect(list.body).not.toContain(visitor.name);
    expect(await statusOf(visitor.id)).toBe("expired");
  });
});

describe("the approve-first settings", () => {
  const settingsForm = (changes: Record<string, string>) => ({
    acceptsBookings: "yes",
    timeZone: "Europe/London",
    durationMinutes: "20",
    bufferBeforeMinutes: "0",
    bufferAfterMinutes: "10",
    minimumNoticeHours: "0",
    horizonDays: "30",
    intervalMinutes: "30",
    maxPerDay: "",
    cancellationCutoffHours: "24",
    graceMinutes: "30",
    reminderHours: "24",
    videoLink: "",
    phoneArrangement: "",
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [`hours${day}`, "8-20"])),
    ...changes,
  });
  const save = (fields: Record<string, string>) =>
    submitForm(t.app, {
      page: "/practice/booking",
      action: "/practice/booking",
      fields,
      cookie: oliveCookie,
    });
  const stored = async () =>
    (await db().select().from(bookingSettings).where(eq(bookingSettings.therapistId, olive.id)))[0];

  it("starts off, with 24 hours to answer, and saves both with clear labels", async () => {
    const page = await t.app.inject({ url: "/practice/booking", headers: { cookie: oliveCookie } });
    expect(page.body).toContain("I approve each booking before it is confirmed");
    expect(page.body).toMatch(/<input[^>]*name="approvalRequired"(?![^>]*checked)[^>]*>/);
    expect(page.body).toMatch(/<input[^>]*name="requestExpiryHours"[^>]*value="24"/);
    const saved = await save(settingsForm({ approvalRequired: "yes", requestExpiryHours: "48" }));
    expect(saved.statusCode).toBe(303);
    expect(await stored()).toMatchObject({ approvalRequired: true, requestExpiryHours: 48 });
    const after = await t.app.inject({ url: "/practice/booking", headers: { cookie: oliveCookie } });
    expect(after.body).toMatch(/<input[^>]*name="approvalRequired"[^>]*checked/);
  });

  it("refuses hours outside 1 to 168 beside the field, keeping what was typed", async () => {
    for (const typed of ["0", "169", "a day"]) {
      const refused = await save(settingsForm({ approvalRequired: "yes", requestExpiryHours: typed }));
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(
        `id="field-requestExpiryHours-error">${settingsMessages.requestExpiryHours}`,
      );
      expect(refused.body).toMatch(new RegExp(`name="requestExpiryHours"[^>]*value="${typed}"`));
    }
    expect(await stored()).toMatchObject({ requestExpiryHours: 48 });
  });
});
