import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { renderToString as render } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { addTherapistWithHours } from "../../../test/support/weekday-therapist.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { type BookingRequest, bookConsultation } from "../booking/book-consultation.ts";
import { bookings } from "../booking/booking.schema.ts";
import { computeSlots } from "../booking/compute-slots.ts";
import { loadAvailability } from "../booking/therapist-availability.ts";
import { needsYou } from "./needs-you.ts";
import { NeedsYouSection } from "./needs-you-section.tsx";
import { therapistNotifications } from "./notification.schema.ts";

// What a visitor's booking tells the therapist: a request waiting, and crisis words in the note —
// never the words themselves, never a name.
const ring = { current: secretKeys("e".repeat(64)) };
const now = new Date("2026-11-23T08:00:00Z"); // a Monday morning in London
let handle: TestDatabaseHandle;
let direct: string;
let approving: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  direct = await addTherapistWithHours(handle.db, { email: "tess@example.org" });
  approving = await addTherapistWithHours(handle.db, {
    name: "Abe Alder",
    email: "abe@example.org",
    settings: { approvalRequired: true, minimumNoticeMinutes: 0 },
  });
});
afterAll(() => handle.close());

async function firstSlot(therapistId: string, skip = 0): Promise<number> {
  const window = { from: now.getTime(), to: now.getTime() + 7 * 86_400_000 };
  const availability = await loadAvailability(handle.db, therapistId, window);
  if (!availability) throw new Error("no therapist");
  const slots = computeSlots({ ...availability, busy: [], now: now.getTime(), ...window });
  return slots[skip]?.start as number;
}

const request = (therapistId: string, start: number, note: string): BookingRequest => ({
  therapistId,
  start,
  kind: "individual",
  meeting: "video",
  visitor: {
    name: "Vic Vale",
    email: `vic-${randomUUID()}@example.org`,
    phone: "",
    contactBy: ["email"],
    leaveMessage: true,
    note,
  },
  visitorTimeZone: "Europe/London",
  submissionId: randomUUID(),
});

const notices = (therapistId: string) =>
  handle.db.select().from(therapistNotifications).where(eq(therapistNotifications.therapistId, therapistId));

describe("a visitor's booking", () => {
  it("tells nobody anything when the note is ordinary and the time is simply booked", async () => {
    const outcome = await bookConsultation(
      handle.db,
      ring,
      request(direct, await firstSlot(direct), "Evenings suit me"),
      now,
    );
    expect(outcome.ok).toBe(true);
    expect(await notices(direct)).toHaveLength(0);
  });

  it("tells the therapist of crisis words in the note, without the words, and names no one", async () => {
    const note = "Honestly I want to end my life some days";
    const outcome = await bookConsultation(
      handle.db,
      ring,
      request(direct, await firstSlot(direct, 4), note),
      now,
    );
    if (!outcome.ok) throw new Error("not booked");
    const [notice] = await notices(direct);
    expect(notice?.kind).toBe("crisis-words");
    expect(notice?.bookingId).toBe(outcome.bookingId);
    expect(notice?.clientId).toBeNull();
    expect(JSON.stringify(notice)).not.toContain("end my life");
    const html = render(
      <NeedsYouSection
        items={await needsYou(handle.db, ring, direct)}
        timeZone="Europe/London"
        token="t"
        notifyByEmail={false}
      />,
    );
    expect(html).toContain("A visitor wrote words that may mean they are in danger");
    expect(html).toContain('href="/practice/consultations"');
    expect(html).not.toContain("Vic Vale");
    expect(html).not.toContain("end my life");
  });

  it("tells a therapist who approves first that a request is waiting, once", async () => {
    const start = await firstSlot(approving, 8);
    const first = request(approving, start, "");
    const outcome = await bookConsultation(handle.db, ring, first, now);
    expect(outcome.ok && outcome.status).toBe("requested");
    await bookConsultation(handle.db, ring, first, now); // the same form sent twice
    const waiting = (await notices(approving)).filter((n) => n.kind === "request-waiting");
    expect(waiting).toHaveLength(1);
    expect((await needsYou(handle.db, ring, approving)).map((item) => item.kind)).toEqual([
      "request-waiting",
    ]);
    // Once answered it no longer waits, and its notice goes by itself.
    if (!outcome.ok) throw new Error("not booked");
    await handle.db
      .update(bookings)
      .set({ status: "confirmed", expiresAt: null })
      .where(eq(bookings.id, outcome.bookingId));
    expect(await needsYou(handle.db, ring, approving)).toEqual([]);
  });
});
