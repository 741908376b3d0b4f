import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { therapistNotifications } from "../../notifications/notification.schema.ts";
import { lockPracticeSettings, writePracticeSettings } from "../../practice-settings/settings-store.ts";
import { bookings } from "../booking.schema.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const zone = "Australia/Sydney";

/** The time links the times page offers, as (start, href). */
async function offeredStarts(): Promise<{ start: number; href: string }[]> {
  const first = await t.app.inject({ url: `/book?kind=couple&zone=${encodeURIComponent(zone)}` });
  const links = [...first.body.matchAll(/href="(\/book\/details\?[^"]+)"/g)].map(
    (m) => m[1]?.replace(/&amp;/g, "&") as string,
  );
  if (links.length === 0) {
    const next = /href="(\/book\?[^"]*week=\d+)"[^>]*>Go to the next available time/
      .exec(first.body)?.[1]
      ?.replace(/&amp;/g, "&");
    if (!next) throw new Error("no times offered");
    const page = await t.app.inject({ url: next });
    links.push(
      ...[...page.body.matchAll(/href="(\/book\/details\?[^"]+)"/g)].map(
        (m) => m[1]?.replace(/&amp;/g, "&") as string,
      ),
    );
  }
  return links.map((href) => ({ href, start: Number(new URLSearchParams(href.split("?")[1]).get("start")) }));
}

const goodDetails = {
  name: "Bea Birch",
  email: "bea@example.org",
  phone: "",
  contactBy: "email",
  leaveMessage: "no",
  meeting: "video",
  note: "",
  adult: "yes",
  privacy: "yes",
};

async function submit(
  detailsHref: string,
  fields: Record<string, string>,
  override?: Record<string, string>,
) {
  const page = await t.app.inject({ url: detailsHref });
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? "";
  const payload = {
    _form: formTokenIn(page.body, "/book"),
    kind: hidden("kind"),
    zone: hidden("zone"),
    start: hidden("start"),
    submissionId: hidden("submissionId"),
    website: "",
    ...fields,
    ...override,
  };
  const send = () =>
    t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload,
    });
  return { send, payload };
}

const outbox = () => {
  const dir = path.join(t.config.dataDir, "outbox");
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .sort()
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    : [];
};
const delivered = async () => {
  await t.app.jobs.idle();
  await t.app.jobs.runOnce();
  return outbox();
};

describe("the visitor's booking flow", () => {
  it("asks who it is for, then shows times in the visitor's own zone, named on the page", async () => {
    const kindPage = await t.app.inject({ url: "/book" });
    expect(kindPage.body).toContain("Who is the consultation for?");
    const times = await t.app.inject({ url: `/book?kind=individual&zone=${encodeURIComponent(zone)}` });
    expect(times.statusCode).toBe(200);
    expect(times.body).toMatch(/<option value="Australia\/Sydney" selected/);
    expect(times.body).toContain("Next available");
    const starts = await offeredStarts();
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((s) => s.start > Date.now() + 12 * 3600_000)).toBe(true); // the minimum notice
  });

  it("marks the times in the middle of a Sydney visitor's night, and tucks them behind their daytime ones", async () => {
    // The demo therapist works 09:00–17:00 in London: from 20:00 to 04:00 in Sydney.
    const times = await t.app.inject({ url: `/book?kind=couple&zone=${encodeURIComponent(zone)}` });
    const visible =
      times.body.match(/<section class="stack" data-week="0"[\s\S]*?<nav class="week-nav"/)?.[0] ?? "";
    expect(visible).toMatch(
      /<span class="time-mark"><span class="visually-hidden">, <\/span>night-time for you<\/span>/,
    );
    expect(visible).toMatch(/<details class="night-times"><summary>\d+ more times? at night-time for you/);
    // A day with night-time before and after its evening names both spans, not one from 00:30 to 23:00.
    expect(visible).toMatch(/at night-time for you \(0\d:\d\d–0\d:\d\d and 2\d:\d\d(–2\d:\d\d)?\)/);
    // In London's own zone none of those hours is night.
    const london = await t.app.inject({ url: "/book?kind=couple&zone=Europe%2FLondon" });
    expect(london.body).not.toContain("night-time for you");
  });

  it("says beside the chooser when the address names a zone we don't know, and shows the practice's times", async () => {
    const zones = ["Mars/Olympus_Mons", "", "Europe/London%00", "x".repeat(2000), "../../etc/passwd"];
    const addresses = [
      ...zones.map((bad) => `/book?kind=individual&zone=${encodeURIComponent(bad)}`),
      "/book?kind=individual&zone=Europe%2FLondon&zone=Australia%2FSydney",
      // The details page's address with a broken zone goes back to the times, not to the start.
      `/book/details?kind=individual&zone=Mars%2FOlympus_Mons&start=${Date.now() + 86_400_000}`,
    ];
    for (const url of addresses) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(400);
      expect(page.body, url).toMatch(
        /<p class="field-error" id="zone-error">We don't recognise that time zone\. Please choose the city nearest you/,
      );
      expect(page.body, url).toMatch(
        /<select id="zone" name="zone" aria-invalid="true" aria-describedby="zone-hint zone-error"/,
      );
      expect(page.body, url).toMatch(
        /<optgroup label="The practice's time zone"><option value="Europe\/London" selected>/,
      );
      expect(page.body, url).not.toContain("Olympus");
      expect(page.body, url).not.toContain("xxxxxxxx");
    }
    // A zone we know, even under an older name a browser may report, is no problem.
    const alias = await t.app.inject({ url: "/book?kind=individual&zone=Asia%2FCalcutta" });
    expect(alias.statusCode).toBe(200);
    expect(alias.body).toMatch(/<option value="Asia\/Calcutta" selected>Kolkata, India \(UTC\+05:30\)</);
    expect(alias.body).not.toContain('id="zone-error"');
  });

  it("explains each problem beside its field and keeps everything typed", async () => {
    const [first] = await offeredStarts();
    const { send } = await submit(first?.href as string, {
      ...goodDetails,
      email: "bea at example",
      contactBy: "phone",
      note: "We keep going round in circles",
      adult: "",
    });
    const response = await send();
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/id="field-email-error">That email address looks incomplete/);
    expect(response.body).toContain("We need a phone number");
    expect(response.body).toContain("To send a note, please tick the box");
    expect(response.body).toContain("Please confirm you are 18 or over");
    expect(response.body).toContain("We keep going round in circles");
    expect(response.body).toContain('value="bea at example"');
    expect(await t.handle.db.select().from(bookings)).toEqual([]);
  });

  it("books, answers a repeated submit with the same booking, and sends a calendar invitation", async () => {
    const [first] = await offeredStarts();
    const { send } = await submit(first?.href as string, goodDetails);
    const booked = await send();
    expect(booked.statusCode).toBe(303);
    expect(booked.headers.location).toMatch(/^\/book\/manage\/[0-9a-f-]{36}\.[\w-]+\?notice=booked$/);
    const again = await send();
    expect(again.headers.location).toBe(booked.headers.location);
    expect(await t.handle.db.select().from(bookings)).toHaveLength(1);

    const mail = (await delivered()).find((m) => m.includes("bea@example.org")) ?? "";
    expect(mail).toMatch(/Subject: Appointment with Haven demo practice/);
    // The inbox preview (the first line of the text) names the practice only.
    expect(mail).toMatch(/\r?\n\r?\nAppointment with Haven demo practice\r?\n\r?\nHello,/);
    expect(mail).not.toMatch(/Hello Bea/);
    expect(mail).toContain("BEGIN:VCALENDAR");
    expect(mail).toContain("METHOD:REQUEST");
    expect(mail).not.toMatch(/SUMMARY:[^\r\n]*Bea/);

    const manage = await t.app.inject({ url: booked.headers.location as string });
    expect(manage.statusCode).toBe(200);
    expect(manage.headers["cache-control"]).toBe("no-store");
    expect(manage.body).toContain("Your consultation is booked");
    expect(manage.body).toMatch(/Sydney time, GMT\+1[01]/); // the visitor's zone, named
  });

  it("shows the times page as it is now, though it renders a page once for the same times (record 074)", async () => {
    const url = `/book?kind=couple&zone=${encodeURIComponent(zone)}`;
    const page = async () => (await t.app.inject({ url })).body;
    const before = await page();
    expect(await page()).toBe(before);
    // A time booked is gone from the next page.
    const [first] = await offeredStarts();
    const href = first?.href ?? "";
    expect(href).not.toBe("");
    const taken = href.replace(/&/g, "&amp;");
    expect(before).toContain(taken);
    const { send } = await submit(href, { ...goodDetails, email: "cai@example.org" });
    expect((await send()).statusCode).toBe(303);
    expect(await page()).not.toContain(taken);
    // A change to the practice's settings shows on the next page.
    const rename = async (name: string) => {
      await t.handle.db.transaction(async (tx) => {
        const stored = await lockPracticeSettings(tx);
        await writePracticeSettings(tx, { ...stored.settings, name });
      });
      expect(await t.app.practiceSettings.refresh()).toBe(true);
    };
    await rename("Harbour Couples Practice");
    try {
      expect(await page()).toContain("Harbour Couples Practice");
    } finally {
      await rename("Haven demo practice");
    }
    expect(await page()).not.toContain("Harbour Couples Practice");
  });

  it("tells the second person that the time was just taken, offers the nearest, and keeps their words", async () => {
    const [first] = await offeredStarts(); // the first time is now taken: take the next one twice
    const target = first?.href as string;
    const a = await submit(target, { ...goodDetails, email: "cal@example.org" });
    const b = await submit(target, { ...goodDetails, name: "Dee Dogwood", email: "dee@example.org" });
    expect((await a.send()).statusCode).toBe(303);
    const late = await b.send();
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("someone booked that time a moment ago");
    expect(late.body).toContain("Choose one of the nearest free times");
    expect(late.body).toContain('value="Dee Dogwood"');
  });

  it("refuses a hand-made request for a time that is not offered", async () => {
    const [first] = await offeredStarts();
    const { send } = await submit(first?.href as string, goodDetails, {
      start: String((first?.start as number) + 7 * 60_000),
      email: "eve@example.org",
    });
    const response = await send();
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain("isn't one we offer");
  });

  it("never fails on a made-up start time, however large", async () => {
    const huge = await t.app.inject({
      url: "/book/details?kind=couple&zone=Europe%2FLondon&start=9000000000000000",
    });
    expect(huge.statusCode).toBe(303);
    const [first] = await offeredStarts();
    const { send } = await submit(first?.href as string, goodDetails, {
      start: "9000000000000000",
      email: "zed@example.org",
    });
    expect((await send()).statusCode).toBeLessThan(500);
  });

  it("refuses a filled-in hidden field, and a form from another site", async () => {
    const [first] = await offeredStarts();
    const bot = await submit(first?.href as string, {
      ...goodDetails,
      email: "bot@example.org",
      website: "http://spam",
    });
    expect((await bot.send()).statusCode).toBe(400);
    const cross = await t.app.inject({
      method: "POST",
      url: "/book",
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "cross-site" },
      payload: { ...(bot.payload as Record<string, string>), website: "" },
    });
    expect(cross.statusCode).toBe(403);
  });
});

describe("the manage link", () => {
  /** Books a time well past the change cut-off, so the test does not depend on the day it runs. */
  async function book(email: string) {
    const starts = await offeredStarts();
    const changeable = starts.find((s) => s.start > Date.now() + 3 * 86_400_000) ?? starts.at(-1);
    const { send } = await submit(changeable?.href as string, { ...goodDetails, email });
    const response = await send();
    return (response.headers.location as string).replace(/\?.*$/, "");
  }

  it("changes nothing when opened, refuses a tampered link, and serves the calendar file", async () => {
    const link = await book("fay@example.org");
    const id = /manage\/([0-9a-f-]{36})/.exec(link)?.[1] as string;
    await t.app.inject({ url: link });
    await t.app.inject({ url: `${link}/reschedule` });
    const [row] = await t.handle.db.select().from(bookings).where(eq(bookings.id, id));
    expect(row?.status).toBe("confirmed");
    expect(row?.sequence).toBe(0);
    expect((await t.app.inject({ url: link.replace(/.$/, (c) => (c === "A" ? "B" : "A")) })).statusCode).toBe(
      404,
    );
    const ics = await t.app.inject({ url: `${link}/consultation.ics` });
    expect(ics.headers["content-type"]).toContain("text/calendar");
    expect(ics.body).toContain(`UID:${id}@`);
  });

  it("reschedules and cancels, updating the same calendar event", async () => {
    const link = await book("gus@example.org");
    const id = /manage\/([0-9a-f-]{36})/.exec(link)?.[1] as string;
    // The times page (next week, where every time is past the cut-off) links each time to a step that confirms.
    const page = await t.app.inject({ url: `${link}/reschedule?week=1` });
    const confirmHref = [...page.body.matchAll(/href="([^"]*\/reschedule\/confirm\?[^"]*)"/g)]
      .map((m) => (m[1] as string).replaceAll("&amp;", "&"))
      .find((href) => Number(/start=(\d+)/.exec(href)?.[1]) > Date.now() + 3 * 86_400_000) as string;
    const newStart = /start=(\d+)/.exec(confirmHref)?.[1] as string;
    const confirm = await t.app.inject({ url: confirmHref });
    const moved = await t.app.inject({
      method: "POST",
      url: `${link}/reschedule`,
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(confirm.body, `${link}/reschedule`), start: newStart },
    });
    expect(moved.headers.location).toBe(`${link}?notice=moved`);
    const [afterMove] = await t.handle.db.select().from(bookings).where(eq(bookings.id, id));
    expect(afterMove?.startsAt.getTime()).toBe(Number(newStart));
    expect(afterMove?.sequence).toBe(1);

    // Cancelling is a step of its own, whose button posts (the manage page only links to it).
    const step = await t.app.inject({ url: `${link}/cancel` });
    const cancelled = await t.app.inject({
      method: "POST",
      url: `${link}/cancel`,
      remoteAddress: freshAddress(),
      headers: { "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(step.body, `${link}/cancel`), reason: "" },
    });
    expect(cancelled.headers.location).toBe(`${link}?notice=cancelled`);
    const [afterCancel] = await t.handle.db.select().from(bookings).where(eq(bookings.id, id));
    expect(afterCancel?.status).toBe("cancelled");
    expect(afterCancel?.sequence).toBe(2);

    const mails = (await delivered()).filter((m) => m.includes("gus@example.org"));
    expect(mails.some((m) => m.includes("SEQUENCE:1") && m.includes("METHOD:REQUEST"))).toBe(true);
    expect(mails.some((m) => m.includes("SEQUENCE:2") && m.includes("METHOD:CANCEL"))).toBe(true);
    expect(mails.every((m) => m.includes(`UID:${id}@`))).toBe(true);
  });

  it("sends no email to someone who said email is not safe", async () => {
    const before = (await delivered()).length;
    const [first] = await offeredStarts();
    const { send } = await submit(first?.href as string, {
      ...goodDetails,
      email: "hal@example.org",
      contactBy: "phone",
      phone: "+44 7700 900123",
    });
    expect((await send()).statusCode).toBe(303);
    const after = await delivered();
    expect(after.slice(before).some((m) => m.includes("hal@example.org"))).toBe(false);
  });

  it("after the cut-off, says how to reach the practice to move it, and still lets it be cancelled", async () => {
    const link = await book("ivy@example.org");
    const id = /manage\/([0-9a-f-]{36})/.exec(link)?.[1] as string;
    const soon = new Date(Date.now() + 3600_000);
    await t.handle.db
      .update(bookings)
      .set({
        startsAt: soon,
        endsAt: new Date(soon.getTime() + 20 * 60_000),
        blockedFrom: soon,
        blockedUntil: new Date(soon.getTime() + 30 * 60_000),
        // Booked an hour ago: past the grace window in which even a booking inside the cut-off may move.
        createdAt: new Date(Date.now() - 3600_000),
      })
      .where(eq(bookings.id, id));
    const page = await t.app.inject({ url: link });
    expect(page.body).toContain("so it can't be moved here. You can still cancel it.");
    expect(page.body).not.toContain(`href="${link}/reschedule"`);
    expect(page.body).toContain(`href="${link}/cancel"`);
    // Asking for the move page directly shows the booking instead.
    const move = await t.app.inject({ url: `${link}/reschedule` });
    expect(move.body).not.toContain("/reschedule/confirm");
    const step = await t.app.inject({
      url: `${link}/reschedule/confirm?start=${Date.now() + 5 * 86_400_000}`,
    });
    expect(step.body).not.toContain('name="start"');
  });

  it("meets crisis words in the note with help in the answer, and tells the therapist without them", async () => {
    const starts = await offeredStarts();
    const { send } = await submit(starts[2]?.href as string, {
      ...goodDetails,
      email: "jo@example.org",
      note: "Some days I want to die",
      noteConsent: "yes",
    });
    const answer = await send();
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<div id="crisis-panel" class="crisis-panel" role="status">/);
    const link = /href="(\/book\/manage\/[^"]+)"/.exec(answer.body)?.[1]?.replace(/&amp;/g, "&") as string;
    const id = /manage\/([0-9a-f-]{36})/.exec(link)?.[1] as string;
    const [notice] = await t.handle.db
      .select()
      .from(therapistNotifications)
      .where(eq(therapistNotifications.bookingId, id));
    expect(notice?.kind).toBe("crisis-words");
    expect(JSON.stringify(notice)).not.toContain("want to die");
    // Help is shown in that answer only: the booking's page, reopened later from the email, does not repeat it.
    const later = await t.app.inject({ url: link });
    expect(later.statusCode).toBe(200);
    expect(later.body).not.toContain('id="crisis-panel"');
  });
});
