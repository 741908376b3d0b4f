import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress, submitForm } from "../../../../test/support/forms.ts";
import {
  addClients,
  addTherapist,
  signInTherapist,
  type TestTherapist,
} from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookings } from "../booking.schema.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { computeSlots } from "../compute-slots.ts";
import { dateOverrides } from "../date-override.schema.ts";
import { fullMoment } from "../messages.ts";
import { loadAvailability } from "../therapist-availability.ts";
import type { StoredVisitor } from "../visitor-details.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { dateWords } from "./date-overrides-section.tsx";
import { settingsMessages } from "./messages.ts";

const DAY = 86_400_000;
let t: TestApp;
let tess: TestTherapist;
let olive: TestTherapist;
let tessCookie: string;
let oliveCookie: string;

beforeAll(async () => {
  // No demo therapist: Tess, the oldest therapist with hours, is the one visitors book with.
  t = await createTestApp({ env: { HAVEN_DEMO: "0" } });
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  olive = await addTherapist(t, "Olive Oak", "olive@example.org");
  tessCookie = await signInTherapist(t, tess);
  oliveCookie = await signInTherapist(t, olive);
});
afterAll(() => t.close());

const db = () => t.handle.db;

/** Every day the same hours, and a complete, valid settings form around them. */
const settingsForm = (changes: Record<string, string> = {}) => ({
  acceptsBookings: "yes",
  timeZone: "America/New_York",
  durationMinutes: "30",
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "0",
  minimumNoticeHours: "12",
  horizonDays: "30",
  intervalMinutes: "30",
  maxPerDay: "",
  cancellationCutoffHours: "24",
  graceMinutes: "30",
  requestExpiryHours: "24",
  reminderHours: "24",
  videoLink: "https://video.example.org/tess",
  phoneArrangement: "I will call you on the number you gave.",
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [`hours${day}`, "10-12:20"])),
  ...changes,
});

/** Posts a form on the booking settings page as the signed-in therapist, with the page's own token. */
async function post(cookie: string, action: string, fields: Record<string, string>) {
  return submitForm(t.app, { page: "/practice/booking", action, fields, cookie });
}

/** What a text field shows ("" when empty; undefined when there is no such field). */
const typedIn = (html: string, name: string) => {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? undefined : (/value="([^"]*)"/.exec(input)?.[1] ?? "");
};
const errorOf = (html: string, name: string) =>
  new RegExp(`id="field-${name}-error">([^<]*)<`).exec(html)?.[1];

async function storedFor(therapistId: string) {
  const [settings] = await db()
    .select()
    .from(bookingSettings)
    .where(eq(bookingSettings.therapistId, therapistId));
  const week = await db().select().from(weeklyHours).where(eq(weeklyHours.therapistId, therapistId));
  const [row] = await db().select().from(therapists).where(eq(therapists.id, therapistId));
  return {
    settings,
    week: week.map(({ id: _id, ...range }) => range).sort((a, b) => a.weekday - b.weekday),
    timeZone: row?.timeZone,
  };
}

const newYorkClock = (instant: number) =>
  new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "America/New_York",
  }).format(instant);

describe("the therapist's booking settings", () => {
  it("saves settings, the usual week and the zone together, and visitors then see those hours", async () => {
    const before = await t.app.inject({ url: "/practice/booking", headers: { cookie: tessCookie } });
    expect(before.statusCode).toBe(200);
    expect(before.headers["cache-control"]).toBe("no-store");
    expect(typedIn(before.body, "durationMinutes")).toBe("20"); // the defaults, before anything is saved
    expect(typedIn(before.body, "graceMinutes")).toBe("30");
    expect(typedIn(before.body, "hours1")).toBe("");
    expect(before.body).toContain("09:00-12:30, 13:30-17:00"); // the example of how to write hours

    const saved = await post(tessCookie, "/practice/booking", settingsForm({ graceMinutes: "45" }));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/practice/booking?notice=saved");

    const after = await t.app.inject({
      url: saved.headers.location as string,
      headers: { cookie: tessCookie },
    });
    expect(after.body).toContain("Saved.");
    expect(typedIn(after.body, "durationMinutes")).toBe("30");
    expect(typedIn(after.body, "hours1")).toBe("10:00-12:20");
    expect(typedIn(after.body, "hours7")).toBe("10:00-12:20");
    expect(after.body).toMatch(/<option value="America\/New_York" selected/);

    const stored = await storedFor(tess.id);
    expect(stored.timeZone).toBe("America/New_York");
    expect(stored.settings).toMatchObject({
      durationMinutes: 30,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 720,
      maxPerDay: null,
      graceMinutes: 45,
      videoLink: "https://video.example.org/tess",
    });
    expect(typedIn(after.body, "graceMinutes")).toBe("45");
    expect(stored.week).toHaveLength(7);
    expect(stored.week[0]).toMatchObject({ weekday: 1, startMinute: 600, endMinute: 740 });

    // A visitor in London, next week: 10:00-12:20 New York time with 30-minute consultations every 30
    // minutes is 10:00, 10:30, 11:00 and 11:30 (a 20-minute length would also have offered 12:00).
    const times = await t.app.inject({ url: "/book?kind=individual&zone=Europe/London&week=1" });
    expect(times.statusCode).toBe(200);
    // The page holds every week; the one asked for is the one not hidden.
    const shown =
      /<section class="stack" data-week="1"(?! hidden)[\s\S]*?(?=<section class="stack" data-week="2")/.exec(
        times.body,
      )?.[0] ?? "";
    const starts = [...shown.matchAll(/start=(\d+)/g)].map((match) => Number(match[1]));
    expect(starts).toHaveLength(7 * 4);
    expect(new Set(starts.map(newYorkClock))).toEqual(new Set(["10:00", "10:30", "11:00", "11:30"]));
  });

  it("refuses bad input with each problem beside its field, keeps what was typed, and writes nothing", async () => {
    const stored = await storedFor(tess.id);
    const response = await post(
      tessCookie,
      "/practice/booking",
      settingsForm({
        timeZone: "Asia/Tokyo",
        durationMinutes: "45",
        intervalMinutes: "0",
        hours3: "25:00-26:00",
        videoLink: "javascript:alert(1)",
        maxPerDay: "51",
        reminderHours: "200",
        graceMinutes: "1441",
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["cache-control"]).toBe("no-store");
    const html = response.body;
    expect(html).toContain(settingsMessages.notSaved);
    expect(errorOf(html, "intervalMinutes")).toBe(settingsMessages.intervalMinutes);
    expect(errorOf(html, "hours3")).toContain("“25:00” is not a time");
    expect(errorOf(html, "videoLink")).toBe(settingsMessages.videoLink);
    expect(errorOf(html, "maxPerDay")).toBe(settingsMessages.maxPerDay);
    expect(errorOf(html, "reminderHours")).toBe(settingsMessages.reminderHours);
    expect(typedIn(html, "reminderHours")).toBe("200");
    expect(errorOf(html, "graceMinutes")).toBe(settingsMessages.graceMinutes);
    expect(typedIn(html, "graceMinutes")).toBe("1441");
    expect(errorOf(html, "durationMinutes")).toBeUndefined();
    expect(typedIn(html, "intervalMinutes")).toBe("0");
    expect(typedIn(html, "hours3")).toBe("25:00-26:00");
    expect(typedIn(html, "hours1")).toBe("10-12:20");
    expect(typedIn(html, "videoLink")).toBe("javascript:alert(1)");
    expect(typedIn(html, "durationMinutes")).toBe("45");
    expect(html).toMatch(/<option value="Asia\/Tokyo" selected/);
    expect(html).not.toContain('href="javascript:');
    expect(await storedFor(tess.id)).toEqual(stored);
  });

  it("refuses a post without the page's token, keeping what was typed", async () => {
    const stored = await storedFor(tess.id);
    const response = await t.app.inject({
      method: "POST",
      url: "/practice/booking",
      remoteAddress: freshAddress(),
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: "not-a-token", ...settingsForm({ durationMinutes: "60" }) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("open a long time");
    expect(typedIn(response.body, "durationMinutes")).toBe("60");
    expect(await storedFor(tess.id)).toEqual(stored);
  });
});

describe("dates that differ from the usual week", () => {
  const overridesOf = (therapistId: string) =>
    db().select().from(dateOverrides).where(eq(dateOverrides.therapistId, therapistId));

  it("adds a date's hours, replaces them when the date is given again, and lists it", async () => {
    const [row] = await db().select().from(therapists).where(eq(therapists.id, tess.id));
    const date = Temporal.Now.plainDateISO(row?.timeZone as string)
      .add({ days: 10 })
      .toString();
    // Typed the way the practice (en-GB) writes dates: day, month, year.
    const [year, month, day] = date.split("-");
    const added = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: `${day}/${month}/${year}`,
      overrideHours: "14:00-15:00",
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe("/practice/booking?notice=override-saved");
    expect((await overridesOf(tess.id)).map((o) => [o.date, o.ranges])).toEqual([
      [date, [{ startMinute: 840, endMinute: 900 }]],
    ]);

    const dayOff = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: date,
      overrideHours: "",
    });
    expect(dayOff.statusCode).toBe(303);
    expect((await overridesOf(tess.id)).map((o) => [o.date, o.ranges])).toEqual([[date, []]]);
    const page = await t.app.inject({ url: "/practice/booking", headers: { cookie: tessCookie } });
    expect(page.body).toContain(`${dateWords(date)}: day off`);
  });

  it("refuses an impossible or past date and bad hours, beside the field, keeping what was typed", async () => {
    const before = await overridesOf(tess.id);
    const impossible = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: "30/02/2027",
      overrideHours: "9-8",
    });
    expect(impossible.statusCode).toBe(400);
    expect(errorOf(impossible.body, "overrideDate")).toBe(
      "February 2027 has no day 30. Please check the date.",
    );
    expect(errorOf(impossible.body, "overrideHours")).toContain("each range must end after it starts");
    expect(typedIn(impossible.body, "overrideDate")).toBe("30/02/2027");
    const american = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: "12/24/2027",
      overrideHours: "",
    });
    expect(american.statusCode).toBe(400);
    expect(errorOf(american.body, "overrideDate")).toBe(
      "We couldn't read that as a date. Please write it like 24/12/2026.",
    );
    expect(typedIn(american.body, "overrideDate")).toBe("12/24/2027");
    const empty = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: "",
      overrideHours: "",
    });
    expect(errorOf(empty.body, "overrideDate")).toBe("Please enter a date, for example 24/12/2026.");
    expect(typedIn(impossible.body, "overrideHours")).toBe("9-8");
    const past = await post(tessCookie, "/practice/booking/overrides", {
      overrideDate: "2020-01-01",
      overrideHours: "",
    });
    expect(past.statusCode).toBe(400);
    expect(errorOf(past.body, "overrideDate")).toBe(settingsMessages.overridePast);
    expect(await overridesOf(tess.id)).toEqual(before);
  });

  it("removes only the therapist's own date; another's id changes nothing and is answered like an unknown id", async () => {
    const date = Temporal.Now.plainDateISO("Europe/London").add({ days: 5 }).toString();
    const [oliveDate] = await db()
      .insert(dateOverrides)
      .values({ therapistId: olive.id, date, ranges: [] })
      .returning();
    const [tessDate] = await overridesOf(tess.id);
    if (!oliveDate || !tessDate) throw new Error("the dates were not set up");

    const others = await post(tessCookie, "/practice/booking/overrides/remove", { id: oliveDate.id });
    const unknown = await post(tessCookie, "/practice/booking/overrides/remove", { id: randomUUID() });
    const nonsense = await post(tessCookie, "/practice/booking/overrides/remove", { id: "not-an-id" });
    for (const response of [others, nonsense])
      expect([response.statusCode, response.headers.location]).toEqual([
        unknown.statusCode,
        unknown.headers.location,
      ]);
    expect(await overridesOf(olive.id)).toHaveLength(1);
    expect(await overridesOf(tess.id)).toHaveLength(1);

    const own = await post(tessCookie, "/practice/booking/overrides/remove", { id: tessDate.id });
    expect([own.statusCode, own.headers.location]).toEqual([unknown.statusCode, unknown.headers.location]);
    expect(await overridesOf(tess.id)).toHaveLength(0);
    expect(await overridesOf(olive.id)).toHaveLength(1);
  });
});

describe("the therapist's consultations", () => {
  /** Open every day 08:00-20:00 with no notice needed, so tests can book near any moment. */
  async function openEveryDay(therapistId: string) {
    await db().delete(weeklyHours).where(eq(weeklyHours.therapistId, therapistId));
    await db()
      .insert(weeklyHours)
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ therapistId, weekday, startMinute: 480, endMinute: 1200 })),
      );
    await db()
      .insert(bookingSettings)
      .values({ therapistId, minimumNoticeMinutes: 0 })
      .onConflictDoUpdate({ target: bookingSettings.therapistId, set: { minimumNoticeMinutes: 0 } });
  }

  const visitor = (name: string, details: Partial<StoredVisitor> = {}): StoredVisitor => ({
    name,
    email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
    phone: "",
    contactBy: ["email"],
    leaveMessage: true,
    note: "",
    ...details,
  });

  /** Books the `pick`-th time offered after `now`, as the visitor's flow would. */
  async function book(
    therapistId: string,
    who: StoredVisitor,
    options: {
      kind: "individual" | "couple" | "unsure";
      meeting: "video" | "phone";
      pick?: number;
      now?: Date;
    },
  ) {
    const now = options.now ?? new Date();
    const window = { from: now.getTime(), to: now.getTime() + DAY };
    const availability = await loadAvailability(db(), therapistId, window);
    if (!availability) throw new Error("no therapist");
    const slots = computeSlots({
      rules: availability.rules,
      bookings: availability.bookings,
      busy: [],
      now: now.getTime(),
      ...window,
    });
    const start = slots[options.pick ?? 0]?.start as number;
    const outcome = await bookConsultation(
      db(),
      t.keys,
      {
        therapistId,
        start,
        kind: options.kind,
        meeting: options.meeting,
        visitor: who,
        visitorTimeZone: "Australia/Sydney",
        submissionId: randomUUID(),
      },
      now,
    );
    if (!outcome.ok) throw new Error(`booking refused: ${outcome.reason}`);
    return { id: outcome.bookingId, start };
  }

  const viewsBy = (therapistId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "consultations.viewed"), eq(auditLog.actor, `therapist:${therapistId}`)),
      );

  it("lists only the therapist's own upcoming consultations, soonest first, with what each visitor shared", async () => {
    await openEveryDay(tess.id);
    await openEveryDay(olive.id);
    // Booked in the opposite order to when they happen: the list is by time, not by booking.
    const ben = await book(
      tess.id,
      visitor("Ben Beech", { phone: "+44 7700 900123", contactBy: ["phone", "text"] }),
      { kind: "individual", meeting: "phone", pick: 5 },
    );
    const ada = await book(
      tess.id,
      visitor("Ada Alder", { leaveMessage: false, note: "Please email only, my partner reads my texts." }),
      { kind: "couple", meeting: "video" },
    );
    const cara = await book(tess.id, visitor("Cara Cedar"), { kind: "unsure", meeting: "video", pick: 8 });
    await db().update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, cara.id));
    await book(tess.id, visitor("Dov Dogwood"), {
      kind: "unsure",
      meeting: "video",
      now: new Date(Date.now() - 3 * DAY),
    });
    await book(olive.id, visitor("Olga Orchard"), { kind: "individual", meeting: "video" });
    expect(ada.start).toBeLessThan(ben.start);
    const viewsBefore = (await viewsBy(tess.id)).length;

    const page = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    const html = page.body;
    for (const shown of [
      "Ada Alder",
      "ada@example.org",
      "Please email only, my partner reads my texts.",
      "Ben Beech",
      "ben@example.org",
      "+44 7700 900123",
      "phone call, text message",
      "As a couple",
      "For them alone",
      "Video call",
      "Phone call",
    ])
      expect(html).toContain(shown);
    for (const hidden of ["Olga Orchard", "Dov Dogwood"]) expect(html).not.toContain(hidden);
    // A cancelled one is no longer among the confirmed: it is listed apart, as cancelled (record 062).
    const cancelledAt = html.indexOf('id="cancelled-heading"');
    expect(html.indexOf("Cara Cedar")).toBeGreaterThan(cancelledAt);
    expect(cancelledAt).toBeGreaterThan(html.indexOf("Ben Beech"));
    expect(html.indexOf("Ada Alder")).toBeLessThan(html.indexOf("Ben Beech"));

    // Times in the therapist's own zone, with the zone named.
    const [row] = await db().select().from(therapists).where(eq(therapists.id, tess.id));
    expect(html).toContain(fullMoment(ada.start, row?.timeZone as string));
    expect(html).toContain(fullMoment(ben.start, row?.timeZone as string));

    // Ada's "no messages" stands out in her card, and only hers.
    expect(html.match(/class="contact-caution"/g)).toHaveLength(1);
    const caution = html.indexOf('class="contact-caution"');
    expect(caution).toBeGreaterThan(html.indexOf(fullMoment(ada.start, row?.timeZone as string)));
    expect(caution).toBeLessThan(html.indexOf("Ada Alder"));
    expect(html).toContain("Do not leave a message or voicemail.");

    const views = await viewsBy(tess.id);
    expect(views).toHaveLength(viewsBefore + 1);
    expect(views.at(-1)?.detail).toEqual({ count: 2 });

    const olives = await t.app.inject({ url: "/practice/consultations", headers: { cookie: oliveCookie } });
    expect(olives.body).toContain("Olga Orchard");
    expect(olives.body).not.toContain("Ada Alder");
  });
});

describe("who may reach these pages", () => {
  it("sends a client or someone not signed in to the sign-in page, and writes nothing", async () => {
    const [client] = await addClients(t, tess.id, [{ name: "Bea Birch", email: "bea@example.org" }]);
    const stored = await storedFor(tess.id);
    const routes = [
      ["GET", "/practice/booking"],
      ["GET", "/practice/consultations"],
      ["POST", "/practice/booking"],
      ["POST", "/practice/booking/overrides"],
      ["POST", "/practice/booking/overrides/remove"],
    ] as const;
    for (const cookie of [client?.cookie, undefined]) {
      for (const [method, url] of routes) {
        const response = await t.app.inject({
          method,
          url,
          remoteAddress: freshAddress(),
          headers: { ...(cookie ? { cookie } : {}), "sec-fetch-site": "same-origin" },
          ...(method === "POST" ? { payload: settingsForm({ durationMinutes: "90" }) } : {}),
        });
        expect([response.statusCode, response.headers.location], `${method} ${url}`).toEqual([
          303,
          "/sign-in",
        ]);
      }
    }
    expect(await storedFor(tess.id)).toEqual(stored);
  });

  it("gives the form token only to the signed-in therapist's own page", async () => {
    const page = await t.app.inject({ url: "/practice/booking", headers: { cookie: oliveCookie } });
    const oliveToken = formTokenIn(page.body, "/practice/booking");
    const response = await t.app.inject({
      method: "POST",
      url: "/practice/booking",
      remoteAddress: freshAddress(),
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: oliveToken, ...settingsForm() },
    });
    expect(response.statusCode).toBe(403);
  });
});
