import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "../../../test/support/forms.ts";
import type { TestClient } from "../../../test/support/people.ts";
import { daysAhead, sessionsPractice } from "../../../test/support/sessions-practice.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { bookConsultation } from "../booking/book-consultation.ts";
import { bookings } from "../booking/booking.schema.ts";
import { computeSlots } from "../booking/compute-slots.ts";
import { loadAvailability } from "../booking/therapist-availability.ts";

let t: TestApp;
let tessCookie: string;
let bea: TestClient;
let cal: TestClient;
let dee: TestClient;
let book: (
  kind: "individual" | "couple" | "unsure",
  email?: string,
) => Promise<{ id: string; start: number }>;

beforeAll(async () => {
  t = await createTestApp();
  const practice = await sessionsPractice(t);
  ({ tessCookie, bea, cal, dee } = practice);
  const now = Date.now();
  const window = { from: now + 4 * 86_400_000, to: now + 12 * 86_400_000 };
  const availability = await loadAvailability(t.handle.db, practice.tess.id, window);
  const offered = computeSlots({ ...(availability as NonNullable<typeof availability>), now, ...window });
  let next = 0;
  book = async (kind, email) => {
    const start = offered[next++ * 3]?.start as number;
    const outcome = await bookConsultation(t.handle.db, t.keys, {
      therapistId: practice.tess.id,
      start,
      kind,
      meeting: "video",
      visitorTimeZone: "Europe/London",
      submissionId: randomUUID(),
      visitor: {
        name: "Visitor",
        email: email ?? `v${next}@example.org`,
        phone: "",
        contactBy: ["email"],
        leaveMessage: true,
        note: "",
      },
    });
    if (!outcome.ok) throw new Error(`not booked: ${outcome.reason}`);
    return { id: outcome.bookingId, start };
  };
  const done = await submitForm(t.app, {
    page: `/practice/clients/${bea.id}/sessions`,
    cookie: tessCookie,
    fields: { duration: "50", weeks: "1", forWhom: "alone", date: daysAhead(2), time: "12:00" },
  });
  if (done.statusCode !== 303) throw new Error(`session answered ${done.statusCode}`);
});
afterAll(() => t.close());

const linkConsultation = (people: TestClient[], id: string | null) =>
  t.handle.db
    .update(clients)
    .set({ consultationId: id })
    .where(
      inArray(
        clients.id,
        people.map((p) => p.id),
      ),
    );
const mySpace = async (client: TestClient) =>
  (await t.app.inject({ url: "/my", headers: { cookie: client.cookie } })).body;
const myFile = (client: TestClient) =>
  t.app.inject({ url: "/my/appointments.ics", headers: { cookie: client.cookie } });
const utc = (at: number) => `DTSTART:${new Date(at).toISOString().replace(/[-:]|\.\d{3}/g, "")}`;

describe("a client's appointments", () => {
  it("shows a couple the consultation they booked together, with a calendar file of their times", async () => {
    const { id, start } = await book("couple");
    await linkConsultation([bea, cal], id);
    for (const partner of [bea, cal]) {
      expect(await mySpace(partner)).toMatch(/Free consultation: [^<]+ \(with your partner\)/);
      const file = await myFile(partner);
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toContain("text/calendar");
      expect(file.headers["cache-control"]).toContain("no-store");
      expect(file.body).toContain(`UID:${id}@`);
      expect(file.body).toContain(utc(start));
      expect(file.body).toMatch(/SUMMARY:Appointment with [^\r]+\r\n/);
      expect(file.body).not.toMatch(/\b(Bea|Cal|Visitor|Birch|Cedar)\b|@example/);
    }
    // Bea's session alone is in her file and never in Cal's (HAZ-044).
    expect((await myFile(bea)).body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect((await myFile(cal)).body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("never shows a partner a consultation the other booked alone (record 070, HAZ-056)", async () => {
    for (const kind of ["individual", "unsure"] as const) {
      const { id } = await book(kind, bea.email);
      await linkConsultation([bea, cal], id);
      expect(await mySpace(cal)).not.toContain("Free consultation");
      expect((await myFile(cal)).body).not.toContain(`UID:${id}@`);
      // Bea booked it: her own space, which Cal never sees, shows her the time.
      expect(await mySpace(bea)).toContain("Free consultation: ");
      expect((await myFile(bea)).body).toContain(`UID:${id}@`);
      await t.handle.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, id));
    }
  });

  it("shows someone seen alone the consultation they booked, and none that someone else booked", async () => {
    const { id } = await book("individual", dee.email);
    await linkConsultation([dee], id);
    expect(await mySpace(dee)).toContain("Free consultation: ");
    expect((await myFile(dee)).body).toContain(`UID:${id}@`);

    await t.handle.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, id));
    expect(await mySpace(dee)).toContain("No appointments are booked yet.");
    expect(await mySpace(dee)).not.toContain("appointments.ics");
    expect((await myFile(dee)).body).not.toContain("BEGIN:VEVENT");

    // Invited "from" another person's consultation, Dee is not shown it: it is not hers to know of.
    for (const kind of ["individual", "couple"] as const) {
      const other = await book(kind);
      await linkConsultation([dee], other.id);
      expect(await mySpace(dee)).not.toContain("Free consultation");
    }
  });

  it("asks whoever is not signed in as a client to sign in", async () => {
    const file = await t.app.inject({ url: "/my/appointments.ics" });
    expect(file.statusCode).toBe(303);
    expect(file.headers.location).toContain("/sign-in");
    const therapist = await t.app.inject({ url: "/my/appointments.ics", headers: { cookie: tessCookie } });
    expect(therapist.body).not.toContain("BEGIN:VCALENDAR");
  });
});
