import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { capturingLogger } from "../../../../test/support/log-capture.ts";
import { deliveredMail } from "../../../../test/support/outbox.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { approveRequest } from "../answer-request.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookings } from "../booking.schema.ts";
import { loadBooking } from "../booking-record.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { computeSlots } from "../compute-slots.ts";
import { manageToken } from "../manage-link.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { manageNotices } from "./messages.ts";

const logs = capturingLogger();
let t: TestApp;
let tess: TestTherapist;
let tessCookie: string;
let umaCookie: string;
let offered: number[];
let next = 0;

const mail = {
  practiceName: "Haven demo practice",
  practiceEmail: "hello@example.org",
  publicHost: "haven.test",
  manageUrlFor: (id: string) => `https://haven.test/book/manage/${id}`,
};

/** A confirmed consultation with Tess, and its private manage link. */
async function book(email: string): Promise<{ id: string; link: string }> {
  const outcome = await bookConsultation(
    t.handle.db,
    t.keys,
    {
      therapistId: tess.id,
      start: offered[next++ * 3] as number,
      kind: "couple",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: { name: "Bea Birch", email, phone: "", contactBy: ["email"], leaveMessage: true, note: "" },
    },
    new Date(),
    mail,
  );
  if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
  return { id: outcome.bookingId, link: `/book/manage/${manageToken(t.keys, outcome.bookingId)}` };
}

/**
 * Moves a booking's time straight in the database, to `minutesAhead` from now, or to the first free 20
 * minutes within two hours after that: a time booked earlier in this file may hold it, depending on the
 * hour the tests run. Every caller's time stays well inside or well outside the 24-hour cut-off.
 */
async function startIn(id: string, minutesAhead: number) {
  for (let later = 0; later <= 120; later += 10) {
    const start = new Date(Date.now() + (minutesAhead + later) * 60_000);
    const end = new Date(start.getTime() + 20 * 60_000);
    try {
      await t.handle.db
        .update(bookings)
        .set({ startsAt: start, endsAt: end, blockedFrom: start, blockedUntil: end })
        .where(eq(bookings.id, id));
      return;
    } catch (error) {
      // 23P01: the time overlaps another booking of the therapist (bookings_no_overlap).
      if ((error as { cause?: { code?: string } }).cause?.code !== "23P01") throw error;
    }
  }
  throw new Error("no free 20 minutes to move the booking to");
}

/** Dates a booking's making back, to either side of the grace window. */
const bookedMinutesAgo = (id: string, minutes: number) =>
  t.handle.db
    .update(bookings)
    .set({ createdAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(bookings.id, id));

/** Opens the cancel step and presses its button with this reason, as a browser would. */
async function cancelWith(link: string, reason: string) {
  const step = await t.app.inject({ url: `${link}/cancel` });
  expect(step.statusCode).toBe(200);
  return t.app.inject({
    method: "POST",
    url: `${link}/cancel`,
    remoteAddress: freshAddress(),
    headers: { "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(step.body, `${link}/cancel`), reason },
  });
}

/** The moving times page's links to the step that confirms a time, as a browser follows them. */
const confirmLinks = (html: string) =>
  [...html.matchAll(/href="([^"]*\/reschedule\/confirm\?[^"]*)"/g)].map((m) =>
    (m[1] as string).replaceAll("&amp;", "&"),
  );
const startOf = (href: string) => Number(new URL(href, "https://haven.test").searchParams.get("start"));

/** Presses the confirm step's button: the time, zone and week it carries, with its form token. */
function confirmMove(link: string, step: string, changes: Record<string, string> = {}) {
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(step)?.[1] ?? "";
  return t.app.inject({
    method: "POST",
    url: `${link}/reschedule`,
    remoteAddress: freshAddress(),
    headers: { "sec-fetch-site": "same-origin" },
    payload: {
      _form: formTokenIn(step, `${link}/reschedule`),
      start: hidden("start"),
      zone: hidden("zone"),
      week: hidden("week"),
      ...changes,
    },
  });
}

const rowOf = async (id: string) => (await t.handle.db.select().from(bookings).where(eq(bookings.id, id)))[0];
const consultationsOf = async (cookie: string) =>
  (await t.app.inject({ url: "/practice/consultations", headers: { cookie } })).body;

beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
  tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  tessCookie = await signInTherapist(t, tess);
  umaCookie = await signInTherapist(t, uma);
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId: tess.id,
      weekday,
      startMinute: 8 * 60,
      endMinute: 20 * 60,
    })),
  );
  await t.handle.db.insert(bookingSettings).values({ therapistId: tess.id, minimumNoticeMinutes: 0 });
  const now = Date.now();
  const window = { from: now + 2 * 86_400_000, to: now + 20 * 86_400_000 };
  const availability = await loadAvailability(t.handle.db, tess.id, window);
  offered = computeSlots({ ...(availability as NonNullable<typeof availability>), now, ...window }).map(
    (s) => s.start,
  );
});
afterAll(() => t.close());

describe("a visitor cancels", () => {
  it("inside the cut-off, after a step that says what will happen, with a reason only their therapist reads", async () => {
    const { id, link } = await book("cat@example.org");
    await startIn(id, 120);
    await bookedMinutesAgo(id, 60); // past the grace window, which has its own tests below
    const manage = await t.app.inject({ url: link });
    expect(manage.body).toContain("so it can't be moved here. You can still cancel it.");
    expect(manage.body).not.toContain(`href="${link}/reschedule"`);
    expect(manage.body).toContain(`href="${link}/cancel"`);

    // The step itself changes nothing: a mail scanner opening it cancels nothing.
    const step = await t.app.inject({ url: `${link}/cancel` });
    expect(step.statusCode).toBe(200);
    expect(step.headers["cache-control"]).toContain("no-store");
    expect(step.body).toContain("the time is let go at once");
    expect(step.body).toContain('name="reason"');
    expect(step.body).toContain("Yes, cancel the consultation");
    expect((await rowOf(id))?.status).toBe("confirmed");

    const reason = "My shifts changed and I can't get away that week.";
    const answer = await cancelWith(link, reason);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe(`${link}?notice=cancelled`);
    const row = await rowOf(id);
    expect(row?.status).toBe("cancelled");
    // Encrypted at rest, bound to its row and column; readable by the app.
    expect(row?.cancelReasonEncrypted).toBeTruthy();
    expect(row?.cancelReasonEncrypted).not.toContain("shifts");
    expect((await loadBooking(t.handle.db, t.keys, id))?.cancelReason).toBe(reason);

    // Tess reads it where she sees her consultations; another therapist never does.
    const tessPage = await consultationsOf(tessCookie);
    expect(tessPage).toContain("Cancelled, still to come");
    expect(tessPage).toContain(`<dd class="entry-body">${reason}</dd>`);
    expect(await consultationsOf(umaCookie)).not.toContain("My shifts changed");

    // Emails say only that a reason was given; the words are in no email and no log line.
    const mails = await deliveredMail(t);
    const toTess = mails.filter((m) => m.to.includes("tess@example.org") && m.text.includes("was cancelled"));
    expect(toTess.at(-1)?.text).toContain("They said why: you can read it on your consultations page.");
    expect(mails.some((m) => m.text.includes("shifts"))).toBe(false);
    expect(logs.text()).not.toContain("shifts");
  });

  it("without a reason, and the therapist reads that none was given", async () => {
    const { id, link } = await book("dan@example.org");
    const answer = await cancelWith(link, "   ");
    expect(answer.headers.location).toBe(`${link}?notice=cancelled`);
    const row = await rowOf(id);
    expect(row?.status).toBe("cancelled");
    expect(row?.cancelReasonEncrypted).toBeNull();
    expect(await consultationsOf(tessCookie)).toContain("They did not give a reason.");
  });

  it("keeps a reason over the limit and says so beside the field, cancelling nothing", async () => {
    const { id, link } = await book("eve@example.org");
    const long = `Start of my words ${"and more ".repeat(120)}end of my words`;
    const answer = await cancelWith(link, long);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('<p class="field-error" id="field-reason-error">');
    expect(answer.body).toContain(`please shorten it to 1,000 or fewer`);
    expect(answer.body).toContain(`>${long}</textarea>`);
    expect(answer.body).toContain('aria-invalid="true"');
    expect((await rowOf(id))?.status).toBe("confirmed");
  });

  it("meets crisis words in the reason with help, and tells the therapist without the words", async () => {
    const { id, link } = await book("fay@example.org");
    const answer = await cancelWith(link, "I don't see the point, I want to die");
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/);
    expect(answer.body).toContain(`href="${link}?notice=cancelled"`);
    expect((await rowOf(id))?.status).toBe("cancelled");
    const [notice] = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.bookingId, id));
    expect(notice?.kind).toBe("crisis-words");
    expect(notice?.therapistId).toBe(tess.id);
    expect(JSON.stringify(notice)).not.toContain("want to die");
    // Help is in that answer only: the booking's page, reopened later, does not repeat it.
    expect((await t.app.inject({ url: link })).body).not.toContain('id="crisis-panel"');
  });

  it("tells the therapist of crisis words in a reason refused as too long, though nothing is cancelled", async () => {
    const { id, link } = await book("gil@example.org");
    const answer = await cancelWith(link, `I want to die. ${"and more ".repeat(120)}`);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatch(/id="crisis-panel"/);
    expect((await rowOf(id))?.status).toBe("confirmed");
    const notices = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.bookingId, id));
    expect(notices.map((notice) => [notice.kind, notice.therapistId])).toEqual([["crisis-words", tess.id]]);
  });

  it("keeps a cancelled consultation whose alert is unseen on the list after its time, until someone sees it", async () => {
    const { id, link } = await book("hal@example.org");
    await cancelWith(link, "Please cancel, I want to die");
    await startIn(id, -120); // its time has passed
    expect(await consultationsOf(tessCookie)).toContain("Please cancel, I want to die");
    await t.handle.db
      .update(therapistNotifications)
      .set({ seenAt: new Date() })
      .where(eq(therapistNotifications.bookingId, id));
    expect(await consultationsOf(tessCookie)).not.toContain("Please cancel, I want to die");
  });

  it("cannot cancel a consultation that has begun, nor press a stale button twice", async () => {
    const { id, link } = await book("gus@example.org");
    const step = await t.app.inject({ url: `${link}/cancel` });
    await startIn(id, -5);
    const late = await t.app.inject({
      method: "POST",
      url: `${link}/cancel`,
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(step.body, `${link}/cancel`), reason: "" },
    });
    expect(late.statusCode).toBe(409);
    expect((await rowOf(id))?.status).toBe("confirmed");

    const { link: second } = await book("hal@example.org");
    expect((await cancelWith(second, "")).statusCode).toBe(303);
    // Once cancelled, the step shows where the booking stands instead of a button.
    const again = await t.app.inject({ url: `${second}/cancel` });
    expect(again.body).toContain("This consultation is cancelled.");
    expect(again.body).not.toContain('name="reason"');
  });
});

describe("the grace window after booking", () => {
  /** The first time the moving times page offers, and its confirm step (opened at once). */
  async function offeredMove(link: string) {
    const page = await t.app.inject({ url: `${link}/reschedule` });
    const href = confirmLinks(page.body)[0] as string;
    const step = await t.app.inject({ url: href });
    return { step: step.body, start: String(startOf(href)) };
  }

  it("lets a booking made inside the cut-off be moved at once, and says until when", async () => {
    const { id, link } = await book("ivy@example.org");
    await startIn(id, 150);
    await bookedMinutesAgo(id, 5);
    const manage = await t.app.inject({ url: link });
    expect(manage.body).toContain("You booked this only a few minutes ago");
    expect(manage.body).toContain(`href="${link}/reschedule"`);
    const { step, start } = await offeredMove(link);
    expect(step).toContain("Move to this time");
    const moved = await confirmMove(link, step);
    expect(moved.headers.location).toBe(`${link}?notice=moved`);
    expect((await rowOf(id))?.startsAt.getTime()).toBe(Number(start));
  });

  it("ends when the window does: a booking made 31 minutes ago inside the cut-off can only be cancelled", async () => {
    const { id, link } = await book("jay@example.org");
    const { step, start } = await offeredMove(link); // opened while it could still move
    await startIn(id, 200);
    await bookedMinutesAgo(id, 31);
    const manage = await t.app.inject({ url: link });
    expect(manage.body).not.toContain("You booked this only a few minutes ago");
    expect(manage.body).not.toContain(`href="${link}/reschedule"`);
    expect(manage.body).toContain(`href="${link}/cancel"`);
    const refused = await confirmMove(link, step);
    expect(refused.statusCode).toBe(409);
    // Nor do the times page or the confirm step open any more: the booking's page says why.
    const late = await t.app.inject({ url: `${link}/reschedule/confirm?start=${start}` });
    expect(late.body).not.toContain("Move to this time");
    expect(late.body).toContain(`href="${link}/cancel"`);
    expect((await rowOf(id))?.startsAt.getTime()).not.toBe(Number(start));
  });

  it("is the practice's to set: with none, a booking inside the cut-off cannot be moved even at once", async () => {
    await t.handle.db
      .update(bookingSettings)
      .set({ graceMinutes: 0 })
      .where(eq(bookingSettings.therapistId, tess.id));
    try {
      const { id, link } = await book("kit@example.org");
      await startIn(id, 250);
      const manage = await t.app.inject({ url: link });
      expect(manage.body).toContain("so it can't be moved here. You can still cancel it.");
      expect(manage.body).not.toContain(`href="${link}/reschedule"`);
    } finally {
      await t.handle.db
        .update(bookingSettings)
        .set({ graceMinutes: 30 })
        .where(eq(bookingSettings.therapistId, tess.id));
    }
  });
});

describe("the notice on the booking's page", () => {
  it("follows the booking's status, not the address: an approved request never says it is not confirmed", async () => {
    await t.handle.db
      .update(bookingSettings)
      .set({ approvalRequired: true })
      .where(eq(bookingSettings.therapistId, tess.id));
    let booked: { id: string; link: string };
    try {
      booked = await book("lea@example.org");
    } finally {
      await t.handle.db
        .update(bookingSettings)
        .set({ approvalRequired: false })
        .where(eq(bookingSettings.therapistId, tess.id));
    }
    const { id, link } = booked;
    const waiting = await t.app.inject({ url: `${link}?notice=requested` });
    expect(waiting.body).toContain(manageNotices.requested);

    expect(await approveRequest(t.handle.db, t.keys, { therapistId: tess.id, bookingId: id }, mail)).toEqual({
      ok: true,
    });
    const reloaded = await t.app.inject({ url: `${link}?notice=requested` });
    expect(reloaded.statusCode).toBe(200);
    expect(reloaded.body).not.toContain(manageNotices.requested);
    expect(reloaded.body).not.toContain("not yet confirmed");
    expect(reloaded.body).toContain("Add it to your calendar");
    // A notice that fits the status is still shown; one made up or for another status is not.
    expect((await t.app.inject({ url: `${link}?notice=booked` })).body).toContain(manageNotices.booked);
    expect((await t.app.inject({ url: `${link}?notice=cancelled` })).body).not.toContain(
      manageNotices.cancelled,
    );
    expect((await t.app.inject({ url: `${link}?notice=nonsense` })).statusCode).toBe(200);
  });
});

describe("the confirmation of a couple's video consultation", () => {
  const setVideoLink = (videoLink: string | null) =>
    t.handle.db.update(bookingSettings).set({ videoLink }).where(eq(bookingSettings.therapistId, tess.id));

  it("links to the video call only when it is a web address, and says how the partner joins", async () => {
    const { link } = await book("max@example.org");
    try {
      await setVideoLink("https://video.example.org/tess");
      const page = (await t.app.inject({ url: `${link}?notice=booked` })).body;
      expect(page).toContain(manageNotices.booked);
      expect(page).toContain(
        'To join the video call: <a href="https://video.example.org/tess" target="_blank" rel="noopener">https://video.example.org/tess</a>',
      );
      expect(page).toContain("Your partner joins the same call, at the same time, with the same video link.");
      expect(page).toContain("not this page's address");
      expect(page).toContain("Tess Teak will ask a little about what brings you both");

      // A setting saved before links were checked, or written by hand, is shown as text and never linked.
      await setVideoLink("javascript:alert(1)");
      const odd = (await t.app.inject({ url: link })).body;
      expect(odd).not.toContain('href="javascript:');
      expect(odd).toContain("<p>javascript:alert(1)</p>");
    } finally {
      await setVideoLink(null);
    }
  });
});

describe("moving to a time that was just taken", () => {
  it("keeps the visitor's place (the same week, the same zone): the nearest free times first, nothing moved", async () => {
    const { id, link } = await book("ned@example.org");
    const before = (await rowOf(id))?.startsAt.getTime();
    const page = await t.app.inject({ url: `${link}/reschedule?zone=Australia%2FSydney&week=1` });
    const inWeek = confirmLinks(page.body).filter((href) => href.includes("week=1"));
    const href = inWeek[10] as string;
    const wanted = startOf(href);
    const step = await t.app.inject({ url: href });
    expect(step.statusCode).toBe(200);
    // Someone else books that very time while the step is open.
    const other = await bookConsultation(
      t.handle.db,
      t.keys,
      {
        therapistId: tess.id,
        start: wanted,
        kind: "individual",
        meeting: "phone",
        visitorTimeZone: "Europe/London",
        submissionId: randomUUID(),
        visitor: {
          name: "Oli Oak",
          email: "oli@example.org",
          phone: "",
          contactBy: ["email"],
          leaveMessage: true,
          note: "",
        },
      },
      new Date(),
      mail,
    );
    expect(other.ok).toBe(true);
    const taken = await confirmMove(link, step.body);
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain("that time was just taken. Here are the nearest times still free.");
    // The same week is the one shown, in the visitor's zone, and the nearest form carries both along.
    expect(taken.body).toMatch(/<section class="stack" data-week="1" aria-labelledby="week-1">/);
    expect(taken.body).toMatch(/<section class="stack" data-week="0" hidden/);
    expect(taken.body).toContain('name="zone" value="Australia/Sydney"');
    expect(taken.body).toContain('name="week" value="1"');
    expect(taken.body).toContain("<legend>The nearest free times</legend>");
    const nearest = [...taken.body.matchAll(/id="field-start-(\d+)"[^>]*?( checked)?\/>/g)];
    expect(nearest).toHaveLength(3);
    expect(nearest.map((m) => Number(m[1]))).not.toContain(wanted);
    expect(nearest.map((m) => Number(m[1]))).not.toContain(before);
    expect(nearest.filter((m) => m[2])).toHaveLength(1);
    expect(taken.body).toMatch(/\(Sydney time, GMT\+1[01]\)/);
    // Nearest means nearest: no other time offered is closer to the one wanted than the furthest of these.
    const furthest = Math.max(...nearest.map((m) => Math.abs(Number(m[1]) - wanted)));
    const offeredNearest = nearest.map((m) => Number(m[1]));
    const rest = confirmLinks(taken.body)
      .map(startOf)
      .filter((start) => !offeredNearest.includes(start));
    expect(rest).not.toContain(wanted);
    expect(rest.every((start) => Math.abs(start - wanted) >= furthest)).toBe(true);
    expect((await rowOf(id))?.startsAt.getTime()).toBe(before);

    const chosen = nearest.find((m) => m[2])?.[1] as string;
    const moved = await t.app.inject({
      method: "POST",
      url: `${link}/reschedule`,
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: {
        _form: formTokenIn(taken.body, `${link}/reschedule`),
        start: chosen,
        zone: "Australia/Sydney",
        week: "1",
      },
    });
    expect(moved.headers.location).toBe(`${link}?notice=moved`);
    const row = await rowOf(id);
    expect(row?.startsAt.getTime()).toBe(Number(chosen));
    // The zone the time was chosen in came with it: the booking's page now speaks Sydney time.
    expect(row?.visitorTimeZone).toBe("Australia/Sydney");
  });
});

describe("moving on the booking's own times page", () => {
  it("shows the week view with week links and the zone choice under the manage link, the current time marked", async () => {
    const { id, link } = await book("pia@example.org");
    const current = (await rowOf(id))?.startsAt.getTime() as number;
    // Opened without a week, the page shows the week that holds the current time, marked among the others.
    const page = await t.app.inject({ url: `${link}/reschedule` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("<h1>Choose another time</h1>");
    expect(page.body).toContain(`<form class="inline-form" method="get" action="${link}/reschedule">`);
    expect(page.body).toContain('class="week-nav"');
    expect(page.body).toMatch(
      new RegExp(`href="${link}/reschedule\\?zone=Europe%2FLondon&amp;week=\\d+" data-week-link`),
    );
    // No radio list of every time: each time is a link to the step that confirms.
    expect(page.body).not.toContain('type="radio"');
    expect(page.body).toContain("Your current time:");
    const shown = /<section class="stack" data-week="\d+" aria-labelledby[\s\S]*?<nav class="week-nav"/.exec(
      page.body,
    )?.[0];
    expect(shown).toContain('<span class="time-mark">your current time</span>');
    const starts = confirmLinks(page.body).map(startOf);
    expect(starts.length).toBeGreaterThan(10);
    expect(starts).not.toContain(current);
  });

  it("shows the times in another zone chosen; one it does not know is said beside the chooser, in the booking's zone", async () => {
    const { link } = await book("quin@example.org");
    const sydney = await t.app.inject({ url: `${link}/reschedule?zone=Australia%2FSydney` });
    expect(sydney.statusCode).toBe(200);
    expect(sydney.body).toMatch(/\(Sydney time, GMT\+1[01]\)/);
    expect(confirmLinks(sydney.body)[0]).toContain("zone=Australia%2FSydney");
    for (const zone of ["Mars%2FOlympus", "%3Cscript%3E", ""]) {
      const odd = await t.app.inject({ url: `${link}/reschedule?zone=${zone}&week=banana` });
      expect(odd.statusCode).toBe(400);
      expect(odd.body).toContain("the times below are in the zone you booked in");
      expect(confirmLinks(odd.body)[0]).toContain("zone=Europe%2FLondon");
      expect(odd.body).not.toContain("<script>");
    }
  });

  it("asks before moving: the confirm step says from what to what, and opening it changes nothing", async () => {
    const { id, link } = await book("rue@example.org");
    const before = await rowOf(id);
    const page = await t.app.inject({ url: `${link}/reschedule` });
    const href = confirmLinks(page.body)[3] as string;
    const step = await t.app.inject({ url: href });
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain("<h1>Move your consultation</h1>");
    expect(step.body).toContain("Your current time:");
    expect(step.body).toContain("The new time:");
    expect(step.body).toContain(`href="${link}"`);
    const after = await rowOf(id);
    expect(after?.startsAt.getTime()).toBe(before?.startsAt.getTime());
    expect(after?.sequence).toBe(before?.sequence);
  });

  it("sends a typed address for a time not offered, or no time at all, back to the times, moving nothing", async () => {
    const { id, link } = await book("sol@example.org");
    const before = (await rowOf(id))?.startsAt.getTime() as number;
    const notOffered = await t.app.inject({
      url: `${link}/reschedule/confirm?start=${before + 7 * 60_000}&week=2`,
    });
    expect(notOffered.statusCode).toBe(409);
    expect(notOffered.body).toContain("That time is no longer free. Please choose another.");
    expect(notOffered.body).toMatch(/<section class="stack" data-week="2" aria-labelledby="week-2">/);
    const own = await t.app.inject({ url: `${link}/reschedule/confirm?start=${before}` });
    expect(own.statusCode).toBe(409);
    for (const start of ["", "soon", "-5", "99999999999999999"]) {
      const odd = await t.app.inject({ url: `${link}/reschedule/confirm?start=${start}` });
      expect(odd.statusCode).toBe(400);
      expect(odd.body).toContain("Please choose a time.");
    }
    // A hand-made post to a time never offered is refused as taken, its place kept.
    const page = await t.app.inject({ url: `${link}/reschedule` });
    const step = await t.app.inject({ url: confirmLinks(page.body)[0] as string });
    const refused = await confirmMove(link, step.body, { start: String(before + 7 * 60_000) });
    expect(refused.statusCode).toBe(409);
    const garbage = await confirmMove(link, step.body, {
      start: "tomorrow",
      zone: "Nowhere/Else",
      week: "x",
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.body).toContain("Please choose a time.");
    expect((await rowOf(id))?.startsAt.getTime()).toBe(before);
    expect((await rowOf(id))?.visitorTimeZone).toBe("Europe/London");
  });

  it("keeps the manage link a capability: a tampered link, or another booking's form, moves nothing", async () => {
    const first = await book("tam@example.org");
    const second = await book("uli@example.org");
    const page = await t.app.inject({ url: `${first.link}/reschedule` });
    const href = confirmLinks(page.body)[0] as string;
    const tampered = first.link.slice(0, -2) + (first.link.endsWith("AA") ? "BB" : "AA");
    for (const url of [`${tampered}/reschedule`, `${tampered}/reschedule/confirm?start=${startOf(href)}`]) {
      const answer = await t.app.inject({ url });
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain("time-choice");
    }
    const step = await t.app.inject({ url: href });
    // The first booking's form posted to the second's link: its token names the first booking only.
    const crossed = await confirmMove(
      second.link,
      step.body.replaceAll(`${first.link}/reschedule`, `${second.link}/reschedule`),
    );
    expect(crossed.statusCode).toBe(403);
    const stale = await confirmMove(first.link, step.body, { _form: "not-a-token" });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain("Move to this time");
    expect((await rowOf(second.id))?.sequence).toBe(0);
    expect((await rowOf(first.id))?.sequence).toBe(0);
    // Nothing of the link reaches the logs.
    expect(logs.text()).not.toContain(first.link.split("/").at(-1) as string);
  });
});
