import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../test/support/forms.ts";
import { deliveredMail } from "../../../test/support/outbox.ts";
import type { TestClient } from "../../../test/support/people.ts";
import { daysAhead, instantOf, sessionsPractice } from "../../../test/support/sessions-practice.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { bookConsultation } from "../booking/book-consultation.ts";
import { therapySessions } from "./session.schema.ts";
import { sendDueSessionReminders } from "./session-reminders.ts";

let t: TestApp;
let tessId: string;
let tessCookie: string;
let umaCookie: string;
let bea: TestClient;
let cal: TestClient;
let dee: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const practice = await sessionsPractice(t);
  ({ tessCookie, umaCookie, bea, cal, dee } = practice);
  tessId = practice.tess.id;
});
afterAll(() => t.close());

const schedule = (clientId: string, fields: Record<string, string>, cookie = tessCookie) =>
  submitForm(t.app, {
    page: `/practice/clients/${clientId}/sessions`,
    cookie,
    fields: { forWhom: "alone", duration: "50", weeks: "1", ...fields },
  });
const mail = {
  practiceName: "Haven demo practice",
  practiceEmail: "hello@example.org",
  publicHost: "haven.test",
  manageUrlFor: (id: string) => `https://haven.test/book/manage/${id}`,
};
const sessionRows = () => t.handle.db.select().from(therapySessions);

describe("booking sessions", () => {
  it("books a couple's weekly sessions, tells both partners neutrally, with one calendar file", async () => {
    const date = daysAhead(3);
    const booked = await schedule(bea.id, { forWhom: "couple", date, time: "10:00", weeks: "4" });
    expect(booked.statusCode).toBe(303);
    expect(booked.headers.location).toBe(`/practice/clients/${bea.id}/sessions?notice=scheduled`);
    const rows = (await sessionRows()).filter((r) => r.coupleId === bea.coupleId);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.clientId === null && r.seriesId === rows[0]?.seriesId)).toBe(true);
    expect(rows.map((r) => r.startsAt.getTime()).sort()).toContain(instantOf(date, "10:00"));

    const mail = await deliveredMail(t);
    for (const who of ["bea@example.org", "cal@example.org"]) {
      const message = mail.find((m) => m.to.includes(who));
      expect(message?.subject).toBe("Appointment with Haven demo practice");
      expect(message?.text).toContain("has booked appointments with you");
      expect(message?.text).not.toMatch(/\b(couples?|therapy|partner|Bea|Cal)\b/i);
      const raw = await import("node:fs").then((fs) =>
        fs.readFileSync(`${t.config.dataDir}/outbox/${message?.file}`, "utf8"),
      );
      expect(raw).toContain("METHOD:PUBLISH");
      expect(raw.match(/BEGIN:VEVENT/g)).toHaveLength(4);
      expect(raw).toContain("SUMMARY:Appointment with Haven demo practice");
    }

    const list = await t.app.inject({
      url: `/practice/clients/${cal.id}/sessions`,
      headers: { cookie: tessCookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body.match(/Cancel this session/g)).toHaveLength(4);
    expect(list.body).toContain("not your clinical or financial record");
  });

  it("puts each problem beside its field, keeps what was typed and stores nothing", async () => {
    const before = (await sessionRows()).length;
    const past = await schedule(dee.id, { date: daysAhead(-1), time: "10:00" });
    expect(past.statusCode).toBe(400);
    expect(past.body).toMatch(/id="field-date-error">That date and time has already passed/);
    expect(past.body).toContain(`value="${daysAhead(-1)}"`);

    const nonsense = await schedule(dee.id, {
      date: "30/02/2027",
      time: "25:00",
      duration: "5",
      weeks: "99",
    });
    expect(nonsense.statusCode).toBe(400);
    expect(nonsense.body).toMatch(
      /id="field-date-error">February 2027 has no day 30. Please check the date./,
    );
    expect(nonsense.body).toContain('value="30/02/2027"');
    expect(nonsense.body).toContain("Please enter a time such as 14:00");
    expect(nonsense.body).toContain("between 15 and 240 minutes");
    expect(nonsense.body).toContain("between 1 and 52");

    // Typed the practice's (en-GB) way, day first.
    const [year, month, day] = daysAhead(5).split("-");
    const late = await schedule(dee.id, { date: `${day}/${month}/${year}`, time: "16:30" });
    expect(late.statusCode).toBe(400);
    expect(late.body).toMatch(/id="field-time-error">This is outside your hours on \w+day, \d+ \w+ \d{4}\./);

    // A client seen alone cannot have a couple's session.
    const notCouple = await schedule(dee.id, { forWhom: "couple", date: daysAhead(5), time: "10:00" });
    expect(notCouple.statusCode).toBe(400);
    expect((await sessionRows()).length).toBe(before);
  });

  it("refuses a clash with another session or a consultation, naming the dates, and consultations avoid sessions", async () => {
    const date = daysAhead(3);
    // The couple's series is at 10:00 on date, date+7, …: Dee's weekly 10:30 clashes with each.
    const clash = await schedule(dee.id, { date, time: "10:30", weeks: "2" });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toMatch(/clashes with a consultation, another session or a busy time on \w+day/);
    expect(clash.body.match(/\d{4}; \w+day/g)).toHaveLength(1); // two dates named

    const consultationDay = daysAhead(6);
    const outcome = await bookConsultation(t.handle.db, t.keys, {
      therapistId: tessId,
      start: instantOf(consultationDay, "14:00"),
      kind: "individual",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name: "Vi",
        email: "vi@example.org",
        phone: "",
        contactBy: ["email"],
        leaveMessage: true,
        note: "",
      },
    });
    expect(outcome.ok).toBe(true);
    // 14:00–14:20 and its 10-minute buffer: 13:30 for 50 minutes reaches into it, 14:30 does not.
    expect((await schedule(dee.id, { date: consultationDay, time: "13:30" })).statusCode).toBe(400);
    expect((await schedule(dee.id, { date: consultationDay, time: "14:30" })).statusCode).toBe(303);

    // A consultation is not offered over a session: 14:30 is gone, and booking it is refused as taken.
    const refused = await bookConsultation(t.handle.db, t.keys, {
      therapistId: tessId,
      start: instantOf(consultationDay, "15:00"),
      kind: "individual",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name: "Wyn",
        email: "wyn@example.org",
        phone: "",
        contactBy: ["email"],
        leaveMessage: true,
        note: "",
      },
    });
    expect(refused).toMatchObject({ ok: false, reason: "taken" });
  });

  it("refuses an overlap in the database itself, whichever table is written", async () => {
    const date = daysAhead(9);
    const insertSession = (start: number) =>
      t.handle.db.insert(therapySessions).values({
        therapistId: tessId,
        clientId: dee.id,
        startsAt: new Date(start),
        endsAt: new Date(start + 50 * 60_000),
        seriesId: randomUUID(),
      });
    await insertSession(instantOf(date, "09:00"));
    await expect(insertSession(instantOf(date, "09:30"))).rejects.toMatchObject({ cause: { code: "23P01" } });
    const booked = await bookConsultation(t.handle.db, t.keys, {
      therapistId: tessId,
      start: instantOf(date, "11:00"),
      kind: "individual",
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name: "Xu",
        email: "xu@example.org",
        phone: "",
        contactBy: ["email"],
        leaveMessage: true,
        note: "",
      },
    });
    expect(booked.ok).toBe(true);
    await expect(insertSession(instantOf(date, "10:45"))).rejects.toMatchObject({ cause: { code: "23P01" } });
  });
});

describe("changing one session", () => {
  it("moves one, then cancels one, telling only the person it is with", async () => {
    const date = daysAhead(4);
    expect((await schedule(bea.id, { forWhom: "alone", date, time: "11:00" })).statusCode).toBe(303);
    const [own] = (await sessionRows()).filter((r) => r.clientId === bea.id);
    if (!own) throw new Error("no session");
    await deliveredMail(t);
    const before = (await deliveredMail(t)).length;

    const clash = await submitForm(t.app, {
      page: `/practice/sessions/${own.id}/move`,
      cookie: tessCookie,
      fields: { date: daysAhead(3), time: "10:20" },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('value="10:20"');
    const moved = await submitForm(t.app, {
      page: `/practice/sessions/${own.id}/move`,
      cookie: tessCookie,
      fields: { date, time: "15:00" },
    });
    expect(moved.statusCode).toBe(303);
    const [after] = await t.handle.db.select().from(therapySessions).where(eq(therapySessions.id, own.id));
    expect(after?.startsAt.getTime()).toBe(instantOf(date, "15:00"));
    expect(after?.sequence).toBe(1);

    const cancelled = await submitForm(t.app, {
      page: `/practice/clients/${bea.id}/sessions`,
      action: `/practice/sessions/${own.id}/cancel`,
      cookie: tessCookie,
      fields: {},
    });
    expect(cancelled.statusCode).toBe(303);
    const mail = (await deliveredMail(t)).slice(before);
    expect(mail.map((m) => m.to)).toEqual(["bea@example.org", "bea@example.org"]);
    expect(mail.every((m) => m.subject === "Appointment with Haven demo practice")).toBe(true);
    expect(mail[0]?.text).toContain("has moved your appointment");
    expect(mail[1]?.text).toContain("has cancelled your appointment");
  });

  it("answers another therapist as if the session did not exist", async () => {
    const [one] = await sessionRows();
    const move = await t.app.inject({
      url: `/practice/sessions/${one?.id}/move`,
      headers: { cookie: umaCookie },
    });
    expect(move.statusCode).toBe(404);
    const list = await t.app.inject({
      url: `/practice/clients/${bea.id}/sessions`,
      headers: { cookie: umaCookie },
    });
    expect(list.statusCode).toBe(404);
  });

  it("reminds each person once, the therapist's reminder hours before", async () => {
    const rows = (await sessionRows()).filter((r) => r.status === "scheduled" && r.remindAt);
    const first = rows.sort((a, b) => (a.remindAt?.getTime() ?? 0) - (b.remindAt?.getTime() ?? 0))[0];
    if (!first?.remindAt) throw new Error("no reminder planned");
    const at = new Date(first.remindAt.getTime() + 1000);
    expect(await sendDueSessionReminders(t.handle.db, t.keys, mail, at)).toBeGreaterThan(0);
    expect(await sendDueSessionReminders(t.handle.db, t.keys, mail, at)).toBe(0);
  });
});
