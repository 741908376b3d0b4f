import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, submitForm } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { bookConsultation } from "../book-consultation.ts";
import { bookings } from "../booking.schema.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { computeSlots } from "../compute-slots.ts";
import { manageToken } from "../manage-link.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";

let t: TestApp;
let tess: TestTherapist;
let tessCookie: string;
let umaCookie: string;
let offered: number[];
let next = 0;

const mail = () => ({
  practiceName: "Haven demo practice",
  practiceEmail: "hello@example.org",
  publicHost: "haven.test",
  manageUrlFor: (id: string) => `https://haven.test/book/manage/${id}`,
});

async function book(email: string, contactBy: ("email" | "phone")[] = ["email"]) {
  const outcome = await bookConsultation(
    t.handle.db,
    t.keys,
    {
      therapistId: tess.id,
      start: offered[next++ * 3] as number,
      kind: "individual",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name: "Bea Birch",
        email,
        phone: "+44 7700 900789",
        contactBy,
        leaveMessage: false,
        note: "",
      },
    },
    new Date(),
    mail(),
  );
  if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
  return outcome.bookingId;
}

const outbox = () => {
  const dir = path.join(t.config.dataDir, "outbox");
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8")) : [];
};
const delivered = async () => {
  await t.app.jobs.idle();
  await t.app.jobs.runOnce();
  return outbox();
};
const rowOf = async (id: string) => (await t.handle.db.select().from(bookings).where(eq(bookings.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
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

describe("the therapist changes a consultation", () => {
  it("moves it to a free time, with their message and the same calendar event, sequence raised", async () => {
    const id = await book("gil@example.org");
    const list = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect(list.body).toContain(`/practice/consultations/${id}/move`);
    const page = await t.app.inject({
      url: `/practice/consultations/${id}/move`,
      headers: { cookie: tessCookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Haven emails them the change");
    const newStart = [...page.body.matchAll(/name="start" value="(\d+)"/g)].map((m) =>
      Number(m[1]),
    )[5] as number;

    const moved = await submitForm(t.app, {
      page: `/practice/consultations/${id}/move`,
      cookie: tessCookie,
      fields: { start: String(newStart), message: "I'm so sorry; a training day came up." },
    });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe("/practice/consultations?notice=practice-moved");
    const row = await rowOf(id);
    expect(row?.startsAt.getTime()).toBe(newStart);
    expect(row?.sequence).toBe(1);
    expect(row?.status).toBe("confirmed");

    const mails = (await delivered()).filter((m) => m.includes("gil@example.org"));
    const movedMail = mails.find((m) => m.includes("has had to move your free consultation"));
    expect(movedMail).toBeDefined();
    expect(movedMail).toContain("a training day came up");
    expect(movedMail).toContain("SEQUENCE:1");
    expect(movedMail).toContain("METHOD:REQUEST");
    expect(movedMail).toContain(`UID:${id}@`);
    // The therapist's own calendar gets the same event at its new time.
    const toTess = outbox().find(
      (m) => m.includes("tess@example.org") && m.includes("You moved a consultation"),
    );
    expect(toTess).toContain("SEQUENCE:1");
    expect(toTess).toContain(`UID:${id}@`);
    expect(toTess).not.toContain("a training day came up");
  });

  it("cancels it with a message, and the visitor's calendar removes the same event", async () => {
    const id = await book("hal@example.org");
    const cancelled = await submitForm(t.app, {
      page: `/practice/consultations/${id}/cancel`,
      cookie: tessCookie,
      fields: { message: "I'm unwell this week." },
    });
    expect(cancelled.headers.location).toBe("/practice/consultations?notice=practice-cancelled");
    expect((await rowOf(id))?.status).toBe("cancelled");
    const mail = (await delivered()).find(
      (m) => m.includes("hal@example.org") && m.includes("has had to cancel"),
    );
    expect(mail).toContain("I'm unwell this week.");
    expect(mail).toContain("METHOD:CANCEL");
    expect(mail).toContain("SEQUENCE:1");
    // It is gone from the list, and its pages are now not found.
    const list = await t.app.inject({ url: "/practice/consultations", headers: { cookie: tessCookie } });
    expect(list.body).not.toContain(id);
    const again = await t.app.inject({
      url: `/practice/consultations/${id}/cancel`,
      headers: { cookie: tessCookie },
    });
    expect(again.statusCode).toBe(404);
  });

  it("tells the therapist to reach a visitor who asked not to be emailed themselves, emails nothing, and leaves the message on their page", async () => {
    const before = outbox().length;
    const id = await book("ivy@example.org", ["phone"]);
    const page = await t.app.inject({
      url: `/practice/consultations/${id}/cancel`,
      headers: { cookie: tessCookie },
    });
    expect(page.body).toContain("They asked not to be emailed, so Haven will not tell them.");
    expect(page.body).toContain("+44 7700 900789");
    expect(page.body).toContain("Do not leave a message or voicemail.");
    await submitForm(t.app, {
      page: `/practice/consultations/${id}/cancel`,
      cookie: tessCookie,
      fields: { message: "I'm so sorry, I have to cancel; please call us to find another time." },
    });
    const row = await rowOf(id);
    expect(row?.status).toBe("cancelled");
    expect(row?.practiceMessageEncrypted).not.toContain("sorry");
    expect((await delivered()).slice(before).some((m) => m.includes("ivy@example.org"))).toBe(false);
    // Their own booking page is where the words wait for them.
    const manage = await t.app.inject({ url: `/book/manage/${manageToken(t.keys, id)}` });
    expect(manage.body).toContain("A message from Tess Teak:");
    expect(manage.body).toContain("please call us to find another time.");
  });

  it("refuses a made-up time without failing", async () => {
    const id = await book("lee@example.org");
    const response = await submitForm(t.app, {
      page: `/practice/consultations/${id}/move`,
      cookie: tessCookie,
      fields: { start: "9000000000000000", message: "" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Please choose the new time.");
    expect((await rowOf(id))?.sequence).toBe(0);
  });

  it("explains a problem beside its field, keeps the message, and changes nothing", async () => {
    const id = await book("jo@example.org");
    const long = "x".repeat(501);
    const tooLong = await submitForm(t.app, {
      page: `/practice/consultations/${id}/cancel`,
      cookie: tessCookie,
      fields: { message: long },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain("Please keep the message under 500 characters.");
    expect(tooLong.body).toContain(long);
    const noTime = await submitForm(t.app, {
      page: `/practice/consultations/${id}/move`,
      cookie: tessCookie,
      fields: { message: "Sorry" },
    });
    expect(noTime.statusCode).toBe(400);
    expect(noTime.body).toContain("Please choose the new time.");
    expect(noTime.body).toContain(">Sorry</textarea>");
    const row = await rowOf(id);
    expect(row?.status).toBe("confirmed");
    expect(row?.sequence).toBe(0);
  });

  it("answers another therapist, a forged form, or a made-up id as not found or refused, changing nothing", async () => {
    const id = await book("kit@example.org");
    for (const action of ["move", "cancel"]) {
      const other = await t.app.inject({
        url: `/practice/consultations/${id}/${action}`,
        headers: { cookie: umaCookie },
      });
      expect(other.statusCode).toBe(404);
    }
    // Uma's own session, posting at Tess's consultation: not found before any token is looked at.
    const tessToken = formTokenIn(
      (await t.app.inject({ url: `/practice/consultations/${id}/cancel`, headers: { cookie: tessCookie } }))
        .body,
    );
    const asUma = await t.app.inject({
      method: "POST",
      url: `/practice/consultations/${id}/cancel`,
      headers: { cookie: umaCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: tessToken, message: "" },
    });
    expect(asUma.statusCode).toBe(404);
    const forged = await t.app.inject({
      method: "POST",
      url: `/practice/consultations/${id}/cancel`,
      headers: { cookie: tessCookie, "sec-fetch-site": "same-origin" },
      payload: { _form: "forged", message: "" },
    });
    expect(forged.statusCode).toBe(403);
    const madeUp = await t.app.inject({
      url: `/practice/consultations/${randomUUID()}/move`,
      headers: { cookie: tessCookie },
    });
    expect(madeUp.statusCode).toBe(404);
    expect((await rowOf(id))?.status).toBe("confirmed");
    expect(
      (await t.app.inject({ url: `/practice/consultations/${id}/cancel` })).statusCode,
    ).toBeGreaterThanOrEqual(300);
  });
});
