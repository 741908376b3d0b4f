import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import type { Database } from "../../platform/db/database.ts";
import { openPostgres } from "../../platform/db/open-postgres.ts";
import { jobs } from "../../platform/jobs/job.schema.ts";
import type { OutgoingMail } from "../../platform/mail/mailer.ts";
import { decryptField } from "../../platform/security/field-encryption.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { type AnswerOutcome, approveRequest, declineRequest } from "./answer-request.ts";
import { bookConsultation } from "./book-consultation.ts";
import { bookings } from "./booking.schema.ts";
import type { BookingMailContext } from "./booking-emails.ts";
import { expireRequestsJobKind } from "./booking-jobs.ts";
import { loadBooking } from "./booking-record.ts";
import { bookingSettings } from "./booking-settings.schema.ts";
import { cancelBooking, rescheduleBooking } from "./change-booking.ts";
import { computeSlots } from "./compute-slots.ts";
import { sweepExpiredRequests } from "./expire-requests.ts";
import { loadAvailability } from "./therapist-availability.ts";
import type { StoredVisitor } from "./visitor-details.ts";
import { weeklyHours } from "./weekly-hours.schema.ts";

// Approve first (record 038) in the domain functions, with fixed clocks: a request holds its time until
// it is approved (kept), declined (freed) or expires (freed, by the sweep or by anyone who looks after
// its expiry), and each race has exactly one winner with the visitor told once.

const ring = { current: secretKeys("a".repeat(64)) };
const HOUR = 3_600_000;
const now = new Date("2026-11-23T08:00:00Z"); // a Monday morning in London
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const mail: BookingMailContext = {
  practiceName: "Harbour Therapy",
  practiceEmail: "hello@harbour.example",
  publicHost: "haven.example",
  manageUrlFor: (id) => `https://haven.example/book/manage/${id}`,
};
let handle: TestDatabaseHandle;
let tess: string;
let olive: string;

async function addTherapist(name: string, email: string): Promise<string> {
  const [row] = await handle.db
    .insert(therapists)
    .values({ displayName: name, email, timeZone: "Europe/London" })
    .returning();
  const id = row?.id as string;
  await handle.db
    .insert(weeklyHours)
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({ therapistId: id, weekday, startMinute: 540, endMinute: 1020 })),
    );
  await handle.db
    .insert(bookingSettings)
    .values({ therapistId: id, intervalMinutes: 15, minimumNoticeMinutes: 0, approvalRequired: true });
  return id;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  tess = await addTherapist("Tess Teak", "tess@example.org");
  olive = await addTherapist("Olive Oak", "olive@example.org");
});
afterAll(() => handle.close());

let visitors = 0;
const visitor = (details: Partial<StoredVisitor> = {}): StoredVisitor => {
  visitors++;
  return {
    name: `Visitor ${visitors}`,
    email: `visitor${visitors}@example.org`,
    phone: "+44 7700 900123",
    contactBy: ["email"],
    leaveMessage: true,
    note: "",
    ...details,
  };
};

/** The times offered by a therapist in the fortnight after `when`, as seen at `when`. */
async function offered(therapistId: string, when = now, db: Database = handle.db) {
  const window = { from: when.getTime(), to: when.getTime() + 14 * 24 * HOUR };
  const availability = await loadAvailability(db, therapistId, window, undefined, when);
  if (!availability) throw new Error("no therapist");
  const slots = computeSlots({
    rules: availability.rules,
    bookings: availability.bookings,
    busy: [],
    now: when.getTime(),
    ...window,
  });
  return slots.map((s) => s.start);
}

/** The first time offered from Wednesday on: far enough off that a request waits its full 24 hours. */
async function laterInTheWeek(therapistId: string): Promise<number> {
  const start = (await offered(therapistId)).find((s) => s >= Date.parse("2026-11-25T00:00:00Z"));
  if (!start) throw new Error("nothing offered on Wednesday");
  return start;
}

async function request(start: number, who = visitor(), when = now, db: Database = handle.db) {
  const outcome = await bookConsultation(
    db,
    ring,
    {
      therapistId: tess,
      start,
      kind: "individual",
      meeting: "video",
      visitor: who,
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
    },
    when,
    mail,
  );
  return { outcome, who, id: outcome.ok ? outcome.bookingId : "" };
}

async function rowOf(id: string) {
  const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, id));
  if (!row) throw new Error("no such booking");
  return row;
}

/** Every email queued so far to one address (payloads are encrypted in the jobs table). */
async function mailTo(address: string): Promise<OutgoingMail[]> {
  const rows = await handle.db.select().from(jobs).where(eq(jobs.kind, "email.send"));
  return rows
    .map(
      (row) =>
        JSON.parse(
          decryptField(ring, row.payloadEncrypted, {
            table: "jobs",
            column: "payload_encrypted",
            id: row.id,
          }),
        ) as OutgoingMail,
    )
    .filter((message) => message.to === address);
}
const saying = async (address: string, words: string) =>
  (await mailTo(address)).filter((message) => message.text.includes(words));

const requestedWords = "We have your request";
const approvedWords = "is confirmed";
const declinedWords = "can't offer a consultation";
const expiredWords = "could not be confirmed in time";

describe("a request holds its time", () => {
  it("is stored as requested, not offered again, and refused to a second visitor", async () => {
    const start = await laterInTheWeek(tess);
    const first = await request(start);
    expect(first.outcome).toMatchObject({ ok: true, status: "requested" });
    const row = await rowOf(first.id);
    expect(row.status).toBe("requested");
    expect(row.expiresAt?.getTime()).toBe(at(24).getTime());
    expect(await offered(tess)).not.toContain(start);
    const second = await request(start);
    expect(second.outcome).toMatchObject({ ok: false, reason: "taken" });

    // The visitor hears that it is a request (no calendar file); the therapist, that an answer is needed.
    const [received] = await saying(first.who.email, requestedWords);
    expect(received?.text).toContain("It is not confirmed yet");
    expect(received?.icalEvent).toBeUndefined();
    expect(
      (await mailTo("tess@example.org")).some((m) => m.text.includes("Please approve or decline it by")),
    ).toBe(true);
    // Its expiry is queued with it, due at the moment it lapses.
    const expiryJobs = await handle.db.select().from(jobs).where(eq(jobs.kind, expireRequestsJobKind));
    expect(expiryJobs.some((job) => job.runAt.getTime() === at(24).getTime())).toBe(true);
  });

  it("lapses two hours before a consultation sooner than the therapist's hours, and is never offered under three hours ahead", async () => {
    const soonest = (await offered(tess))[0] as number;
    expect(soonest).toBeGreaterThanOrEqual(at(3).getTime());
    const soon = await request(soonest);
    expect((await rowOf(soon.id)).expiresAt?.getTime()).toBe(soonest - 2 * HOUR);
  });

  it("gives exactly one of 50 simultaneous requests for one time, as a request", async () => {
    const start = await laterInTheWeek(tess);
    const results = await Promise.all(Array.from({ length: 50 }, () => request(start)));
    const won = results.filter((r) => r.outcome.ok);
    expect(won).toHaveLength(1);
    expect(won[0]?.outcome).toMatchObject({ status: "requested" });
    for (const r of results.filter((x) => !x.outcome.ok))
      expect(r.outcome).toMatchObject({ reason: "taken" });
    const held = await handle.db
      .select()
      .from(bookings)
      .where(and(eq(bookings.startsAt, new Date(start)), eq(bookings.therapistId, tess)));
    expect(held.map((b) => b.status)).toEqual(["requested"]);
  });
});

describe("the therapist's answer", () => {
  it("approving keeps the time: confirmed, with the calendar file, and only once", async () => {
    const start = await laterInTheWeek(tess);
    const { id, who } = await request(start);
    expect(await approveRequest(handle.db, ring, { bookingId: id, therapistId: tess }, mail, at(1))).toEqual({
      ok: true,
    });
    const row = await rowOf(id);
    expect([row.status, row.expiresAt, row.sequence]).toEqual(["confirmed", null, 1]);
    expect(await offered(tess)).not.toContain(start);
    const [confirmed] = await saying(who.email, approvedWords);
    expect(confirmed?.icalEvent?.content).toContain("STATUS:CONFIRMED");
    expect(confirmed?.icalEvent?.content).toContain("SEQUENCE:1");
    // A second press, or a decline after it, changes nothing.
    expect(await approveRequest(handle.db, ring, { bookingId: id, therapistId: tess }, mail, at(1))).toEqual({
      ok: false,
      reason: "already-answered",
    });
    expect(
      await declineRequest(handle.db, ring, { bookingId: id, therapistId: tess, message: "" }, mail, at(1)),
    ).toEqual({
      ok: false,
      reason: "already-answered",
    });
    expect((await rowOf(id)).status).toBe("confirmed");
    expect(await saying(who.email, approvedWords)).toHaveLength(1);
  });

  it("declining frees the time at once, keeps the message encrypted, and another visitor can book it", async () => {
    const start = await laterInTheWeek(tess);
    const { id, who } = await request(start);
    const message = "I'm away that week — any day after the 30th would suit.";
    const outcome = await declineRequest(
      handle.db,
      ring,
      { bookingId: id, therapistId: tess, message },
      mail,
      at(1),
    );
    expect(outcome).toEqual({ ok: true });
    const row = await rowOf(id);
    expect([row.status, row.expiresAt]).toEqual(["declined", null]);
    expect(row.declineMessageEncrypted).not.toContain("away");
    expect((await loadBooking(handle.db, ring, id))?.declineMessage).toBe(message);
    const [told] = await saying(who.email, declinedWords);
    expect(told?.text).toContain(message);
    expect(told?.icalEvent).toBeUndefined();
    expect(await offered(tess)).toContain(start);
    expect((await request(start)).outcome).toMatchObject({ ok: true, status: "requested" });
  });

  it("refuses another therapist's request exactly as one that does not exist, and changes nothing", async () => {
    const { id } = await request(await laterInTheWeek(tess));
    const others = await approveRequest(handle.db, ring, { bookingId: id, therapistId: olive }, mail, at(1));
    const unknown = await approveRequest(
      handle.db,
      ring,
      { bookingId: randomUUID(), therapistId: tess },
      mail,
      at(1),
    );
    expect(others).toEqual({ ok: false, reason: "not-found" });
    expect(unknown).toEqual(others);
    expect(
      await declineRequest(handle.db, ring, { bookingId: id, therapistId: olive, message: "" }, mail, at(1)),
    ).toEqual(others);
    expect((await rowOf(id)).status).toBe("requested");
  });

  it("audits each answer with no personal data in it", async () => {
    const { id } = await request(await laterInTheWeek(tess));
    await declineRequest(
      handle.db,
      ring,
      { bookingId: id, therapistId: tess, message: "Sorry, Visitor." },
      mail,
      at(1),
    );
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `booking:${id}`));
    expect(entries.map((e) => [e.actor, e.action, e.detail])).toEqual([
      [`therapist:${tess}`, "consultation.decline", { outcome: "done", withMessage: true }],
    ]);
  });

  it("lets the visitor withdraw a request at any time, even inside the cancellation cut-off", async () => {
    const soonest = (await offered(tess))[0] as number; // today: well inside the 24-hour cut-off
    const { id, who } = await request(soonest);
    expect(await cancelBooking(handle.db, ring, id, mail, at(0.5))).toEqual({ ok: true });
    expect((await rowOf(id)).status).toBe("cancelled");
    expect(await saying(who.email, "is withdrawn")).toHaveLength(1);
    expect(await offered(tess)).toContain(soonest);
  });

  it("keeps a moved request a request, and never lets it wait longer", async () => {
    const { id } = await request(await laterInTheWeek(tess));
    const tuesday = (await offered(tess, at(1))).find(
      (s) => s >= Date.parse("2026-11-24T12:00:00Z"),
    ) as number;
    expect(await rescheduleBooking(handle.db, ring, { bookingId: id, start: tuesday }, mail, at(1))).toEqual({
      ok: true,
    });
    const row = await rowOf(id);
    expect(row.status).toBe("requested");
    expect(row.startsAt.getTime()).toBe(tuesday);
    expect(row.expiresAt?.getTime()).toBe(Math.min(at(24).getTime(), tuesday - 2 * HOUR));
  });
});

describe("a request that is not answered in time", () => {
  it("is expired by the sweep, frees its time, and its visitor is told once", async () => {
    const start = await laterInTheWeek(tess);
    const { id, who } = await request(start);
    await sweepExpiredRequests(handle.db, ring, { now: at(23), mail });
    expect((await rowOf(id)).status).toBe("requested");
    expect(await sweepExpiredRequests(handle.db, ring, { now: at(25), mail })).toBeGreaterThanOrEqual(1);
    expect(await sweepExpiredRequests(handle.db, ring, { now: at(25), mail })).toBe(0);
    const row = await rowOf(id);
    expect([row.status, row.expiresAt]).toEqual(["expired", null]);
    expect(await offered(tess, at(25))).toContain(start);
    const told = await saying(who.email, expiredWords);
    expect(told).toHaveLength(1);
    expect(told[0]?.icalEvent).toBeUndefined();
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `booking:${id}`));
    expect(audit.map((e) => [e.actor, e.action])).toEqual([["system", "consultation.request-expired"]]);
  });

  it("is already free before the sweep reaches it: offered, bookable, and expired (once) by the booking", async () => {
    const start = await laterInTheWeek(tess);
    const first = await request(start);
    expect(await offered(tess, at(25))).toContain(start);
    const second = await request(start, visitor(), at(25));
    expect(second.outcome).toMatchObject({ ok: true, status: "requested" });
    expect((await rowOf(first.id)).status).toBe("expired");
    expect(await saying(first.who.email, expiredWords)).toHaveLength(1);
    expect(await sweepExpiredRequests(handle.db, ring, { now: at(25), mail })).toBe(0);
  });

  it("cannot be approved after its expiry: the therapist is told plainly, and the visitor once", async () => {
    const { id, who } = await request(await laterInTheWeek(tess));
    const late = await approveRequest(handle.db, ring, { bookingId: id, therapistId: tess }, mail, at(24));
    expect(late).toEqual({ ok: false, reason: "expired" });
    expect((await rowOf(id)).status).toBe("expired");
    expect(await saying(who.email, expiredWords)).toHaveLength(1);
    expect(await saying(who.email, approvedWords)).toHaveLength(0);
  });
});

describe("races between answers and the expiry", () => {
  /** One outcome wins: the row, the answer and the visitor's messages all agree. */
  async function expectOneWinner(
    id: string,
    who: StoredVisitor,
    approve: AnswerOutcome,
    other: "declined" | "expired",
  ) {
    const row = await rowOf(id);
    const approved = (await saying(who.email, approvedWords)).length;
    const otherMail = (await saying(who.email, other === "declined" ? declinedWords : expiredWords)).length;
    if (approve.ok) expect([row.status, approved, otherMail]).toEqual(["confirmed", 1, 0]);
    else expect([row.status, approved, otherMail]).toEqual([other, 0, 1]);
    expect(row.expiresAt).toBeNull();
  }

  it("approve racing the expiry sweep: exactly one wins, twenty times over", async () => {
    for (let round = 0; round < 20; round++) {
      const { id, who } = await request(await laterInTheWeek(tess));
      const [approve] = await Promise.all([
        approveRequest(handle.db, ring, { bookingId: id, therapistId: tess }, mail, at(23.9)),
        sweepExpiredRequests(handle.db, ring, { now: at(24), mail }),
      ]);
      if (!approve.ok) expect(approve.reason).toBe("expired");
      await expectOneWinner(id, who, approve, "expired");
    }
  });

  it("approve racing decline: exactly one wins, twenty times over", async () => {
    for (let round = 0; round < 20; round++) {
      const { id, who } = await request(await laterInTheWeek(tess));
      const answer = { bookingId: id, therapistId: tess };
      const [approve, decline] = await Promise.all([
        approveRequest(handle.db, ring, answer, mail, at(1)),
        declineRequest(handle.db, ring, { ...answer, message: "" }, mail, at(1)),
      ]);
      expect([approve.ok, decline.ok].filter(Boolean)).toHaveLength(1);
      expect(approve.ok ? decline : approve).toEqual({ ok: false, reason: "already-answered" });
      await expectOneWinner(id, who, approve, "declined");
    }
  });

  it.runIf(testDatabaseLane() === "postgres")(
    "holds with two app instances (two connection pools) on PostgreSQL: requests, approvals, declines and sweeps",
    async () => {
      const second = await openPostgres(handle.connectionString as string, 5);
      try {
        const start = await laterInTheWeek(tess);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, n) => request(start, visitor(), now, n % 2 ? second.db : handle.db)),
        );
        expect(results.filter((r) => r.outcome.ok)).toHaveLength(1);
        await sweepExpiredRequests(handle.db, ring, { now: at(24), mail }); // clear the week for the races
        for (let round = 0; round < 20; round++) {
          const { id, who } = await request(await laterInTheWeek(tess));
          const answer = { bookingId: id, therapistId: tess };
          const [approve] = await Promise.all([
            approveRequest(handle.db, ring, answer, mail, at(23.9)),
            round % 2
              ? sweepExpiredRequests(second.db, ring, { now: at(24), mail })
              : declineRequest(second.db, ring, { ...answer, message: "" }, mail, at(23.9)),
          ]);
          await expectOneWinner(id, who, approve, round % 2 ? "expired" : "declined");
        }
        // Two sweepers at once, on two pools: each lapsed request is expired, and its visitor told, once.
        const lapsing: StoredVisitor[] = [];
        for (let n = 0; n < 3; n++) lapsing.push((await request(await laterInTheWeek(tess))).who);
        await Promise.all([
          sweepExpiredRequests(handle.db, ring, { now: at(24), mail }),
          sweepExpiredRequests(second.db, ring, { now: at(24), mail }),
        ]);
        for (const who of lapsing) expect(await saying(who.email, expiredWords)).toHaveLength(1);
      } finally {
        await second.close();
      }
    },
  );
});

describe("who is emailed", () => {
  it("sends the visitor nothing at any step unless they chose email; the page is where they are told", async () => {
    const phoneOnly = visitor({ contactBy: ["phone", "text"] });
    const { id } = await request(await laterInTheWeek(tess), phoneOnly);
    await approveRequest(handle.db, ring, { bookingId: id, therapistId: tess }, mail, at(1));
    const other = visitor({ contactBy: ["phone"] });
    const lapsing = await request(await laterInTheWeek(tess), other);
    await sweepExpiredRequests(handle.db, ring, { now: at(25), mail });
    expect((await rowOf(lapsing.id)).status).toBe("expired");
    expect(await mailTo(phoneOnly.email)).toEqual([]);
    expect(await mailTo(other.email)).toEqual([]);
    const audits = await handle.db.select().from(auditLog).where(like(auditLog.subject, "booking:%"));
    expect(JSON.stringify(audits)).not.toContain("@example.org");
  });
});
