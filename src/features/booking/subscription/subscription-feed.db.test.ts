import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { cancelBooking } from "../change-booking.ts";
import { computeSlots } from "../compute-slots.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { calendarSubscriptions } from "./calendar-subscription.schema.ts";

let t: TestApp;
let tess: TestTherapist;
let uma: TestTherapist;
let tessCookie: string;
let umaCookie: string;
const mail = {
  practiceName: "Harbour Therapy",
  practiceEmail: "hello@harbour.example",
  publicHost: "haven.test",
  manageUrlFor: (id: string) => `https://haven.test/book/manage/${id}`,
};

async function giveHours(therapistId: string) {
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId,
      weekday,
      startMinute: 8 * 60,
      endMinute: 20 * 60,
    })),
  );
  await t.handle.db.insert(bookingSettings).values({ therapistId, minimumNoticeMinutes: 0 });
}

/** Books the n-th offered time with a visitor whose every detail is recognisable in a leak. */
async function book(therapistId: string, n: number, name: string) {
  const now = Date.now();
  const window = { from: now, to: now + 14 * 86_400_000 };
  const availability = await loadAvailability(t.handle.db, therapistId, window);
  if (!availability) throw new Error("no therapist");
  // Past the change cut-off, so one of them can be cancelled.
  const slots = computeSlots({ ...availability, now, ...window }).filter(
    (s) => s.start > now + 3 * 86_400_000,
  );
  const outcome = await bookConsultation(
    t.handle.db,
    t.keys,
    {
      therapistId,
      start: slots[n * 4]?.start as number,
      kind: "couple",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name,
        email: `${name.split(" ")[0]?.toLowerCase()}@private.example`,
        phone: "+44 7700 900456",
        contactBy: ["email"],
        leaveMessage: false,
        note: "Secret worry about my marriage",
      },
    },
    new Date(now),
    mail,
  );
  if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
  return outcome.bookingId;
}

const page = "/practice/booking/calendars";
const view = async (cookie = tessCookie) => (await t.app.inject({ url: page, headers: { cookie } })).body;
const post = (action: string, cookie = tessCookie) => submitForm(t.app, { page, action, cookie, fields: {} });
const addressOn = (html: string) =>
  /value="(https?:\/\/[^"]+\/calendar\/consultations\/[^"]+\.ics)"/.exec(html)?.[1];
const fetchFeed = (address: string) => t.app.inject({ url: new URL(address).pathname });

beforeAll(async () => {
  t = await createTestApp();
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  await giveHours(tess.id);
  await giveHours(uma.id);
});
afterAll(() => t.close());

describe("the private subscription feed of consultations", () => {
  it("is made on request, parses as a calendar, and shows initials only", async () => {
    expect(await view()).toContain("Make a private address");
    expect(addressOn(await view())).toBeUndefined();
    await book(tess.id, 0, "Bea Birch");
    await book(tess.id, 1, "Cal Cedar");
    const cancelled = await book(tess.id, 2, "Dot Dogwood");
    expect((await cancelBooking(t.handle.db, t.keys, cancelled, mail)).ok).toBe(true);
    await book(uma.id, 0, "Eve Elm");

    const made = await post(`${page}/subscription`);
    expect(made.statusCode).toBe(303);
    const address = addressOn(await view()) as string;
    expect(address).toMatch(/\/calendar\/consultations\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await view(umaCookie)).not.toContain(address);

    const feed = await fetchFeed(address);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    expect(feed.headers["cache-control"]).toBe("no-store");
    expect(feed.headers["set-cookie"]).toBeUndefined();

    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([
      "Appointment with Haven demo practice · B. B.",
      "Appointment with Haven demo practice · C. C.",
    ]);
    for (const event of events) expect(event.endDate.toJSDate() > event.startDate.toJSDate()).toBe(true);
    for (const leak of [
      "Bea",
      "Birch",
      "Cal",
      "Cedar",
      "Dot",
      "Eve",
      "private.example",
      "7700",
      "Secret",
      "couple",
    ])
      expect(feed.body).not.toContain(leak);
    // The therapist can see in Haven that a calendar is reading it.
    expect(await view()).toMatch(/A calendar last read it/);
  });

  it("stops working when renewed or stopped, exactly like an address that never existed", async () => {
    const old = addressOn(await view()) as string;
    await post(`${page}/subscription`);
    const renewed = addressOn(await view()) as string;
    expect(renewed).not.toBe(old);
    expect((await fetchFeed(old)).statusCode).toBe(404);
    expect((await fetchFeed(renewed)).statusCode).toBe(200);

    await post(`${page}/subscription/stop`);
    expect((await fetchFeed(renewed)).statusCode).toBe(404);
    expect(
      await t.handle.db
        .select()
        .from(calendarSubscriptions)
        .where(eq(calendarSubscriptions.therapistId, tess.id)),
    ).toHaveLength(0);
    expect((await t.app.inject({ url: "/calendar/consultations/not-a-secret.ics" })).statusCode).toBe(404);
  });

  it("refuses a forged form and changes nothing", async () => {
    const umaToken = formTokenIn(await view(umaCookie), page);
    const forged = await t.app.inject({
      method: "POST",
      url: `${page}/subscription`,
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: umaToken },
    });
    expect(forged.headers.location).toContain("notice=expired-form");
    expect(addressOn(await view())).toBeUndefined();
  });
});
