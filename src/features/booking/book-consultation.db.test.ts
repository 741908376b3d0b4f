import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import { addTherapistWithHours } from "../../../test/support/weekday-therapist.ts";
import { openPostgres } from "../../platform/db/open-postgres.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { type BookingRequest, bookConsultation } from "./book-consultation.ts";
import { bookings } from "./booking.schema.ts";
import { computeSlots } from "./compute-slots.ts";
import { loadAvailability } from "./therapist-availability.ts";

const ring = { current: secretKeys("f".repeat(64)) };
const now = new Date("2026-11-23T08:00:00Z"); // a Monday morning in London
let handle: TestDatabaseHandle;
let therapistId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  // Starts every 15 minutes with 20 + 10 minutes blocked: neighbouring starts overlap.
  therapistId = await addTherapistWithHours(handle.db, {
    email: "tess@example.org",
    settings: { intervalMinutes: 15, bufferAfterMinutes: 10 },
  });
});
afterAll(() => handle.close());

const visitor = (n: number) => ({
  name: `Visitor ${n}`,
  email: `visitor${n}@example.org`,
  phone: "",
  contactBy: ["email" as const],
  leaveMessage: true,
  note: "",
});

const request = (start: number, n: number): BookingRequest => ({
  therapistId,
  start,
  kind: "individual",
  meeting: "video",
  visitor: visitor(n),
  visitorTimeZone: "Australia/Sydney",
  submissionId: randomUUID(),
});

async function offered() {
  const window = { from: now.getTime(), to: now.getTime() + 7 * 86_400_000 };
  const availability = await loadAvailability(handle.db, therapistId, window);
  if (!availability) throw new Error("no therapist");
  return computeSlots({
    rules: availability.rules,
    bookings: availability.bookings,
    busy: [],
    now: now.getTime(),
    ...window,
  });
}

describe("booking a consultation", () => {
  it("gives exactly one of 50 simultaneous requests for one time, and tells the rest it was just taken", async () => {
    const [slot] = await offered();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        bookConsultation(handle.db, ring, request(slot?.start as number, n), now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r).toMatchObject({ ok: false, reason: "taken" });
  });

  it("gives exactly one of 50 simultaneous requests spread over two overlapping times", async () => {
    const slots = await offered();
    const pair = slots.filter((s) => s.start >= (slots[20]?.start as number)).slice(0, 2);
    expect(pair[1]?.start).toBe((pair[0]?.start as number) + 15 * 60_000); // 30 minutes blocked each: they overlap
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        bookConsultation(handle.db, ring, request(pair[n % 2]?.start as number, 100 + n), now),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, reason: "taken" });
    // And the table itself never holds two overlapping active bookings.
    const rows = await handle.db.select().from(bookings).where(eq(bookings.therapistId, therapistId));
    const ranges = rows
      .map((r) => [r.blockedFrom.getTime(), r.blockedUntil.getTime()] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i]?.[0]).toBeGreaterThanOrEqual(ranges[i - 1]?.[1] as number);
  });

  it("refuses a hand-made request for a time that is not offered", async () => {
    const threeAm = Date.parse("2026-11-24T03:00:00Z");
    const result = await bookConsultation(handle.db, ring, request(threeAm, 200), now);
    expect(result).toMatchObject({ ok: false, reason: "not-offered" });
    const offByOne = await bookConsultation(
      handle.db,
      ring,
      request(((await offered())[5]?.start as number) + 60_000, 201),
      now,
    );
    expect(offByOne).toMatchObject({ ok: false, reason: "not-offered" });
  });

  it("answers a repeated submit with the booking it already made", async () => {
    const slot = (await offered())[10];
    const first = request(slot?.start as number, 300);
    const a = await bookConsultation(handle.db, ring, first, now);
    const b = await bookConsultation(handle.db, ring, first, now);
    expect(a).toMatchObject({ ok: true, repeated: false });
    expect(b).toEqual({
      ok: true,
      bookingId: (a as { bookingId: string }).bookingId,
      repeated: true,
      status: "confirmed",
    });
  });

  it("gives a repeated submission id the first booking only when the email matches", async () => {
    const slot = (await offered())[11];
    const first = request(slot?.start as number, 310);
    const a = await bookConsultation(handle.db, ring, first, now);
    expect(a).toMatchObject({ ok: true, repeated: false });
    // Another address with the same id (a hand-made post) gets no manage link to someone else's booking.
    const other = await bookConsultation(handle.db, ring, { ...first, visitor: visitor(311) }, now);
    expect(other).toEqual({ ok: false, reason: "taken", alternatives: [] });
    // The same address, typed with other capitals, is the same person submitting again.
    const again = await bookConsultation(
      handle.db,
      ring,
      { ...first, visitor: { ...first.visitor, email: "Visitor310@Example.org" } },
      now,
    );
    expect(again).toMatchObject({
      ok: true,
      repeated: true,
      bookingId: (a as { bookingId: string }).bookingId,
    });
  });

  it("caps the future bookings one email address may hold", async () => {
    const slots = await offered();
    const same = (start: number) => ({ ...request(start, 400), visitor: visitor(400) });
    expect((await bookConsultation(handle.db, ring, same(slots[12]?.start as number), now)).ok).toBe(true);
    expect((await bookConsultation(handle.db, ring, same(slots[16]?.start as number), now)).ok).toBe(true);
    expect(await bookConsultation(handle.db, ring, same(slots[20]?.start as number), now)).toEqual({
      ok: false,
      reason: "too-many",
    });
  });

  it("is guarded by the exclusion constraint even when the transaction is skipped", async () => {
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.status, "confirmed")).limit(1);
    if (!row) throw new Error("no booking to overlap");
    const overlapping = () =>
      handle.db.insert(bookings).values({
        ...row,
        id: randomUUID(),
        submissionId: randomUUID(),
        startsAt: new Date(row.startsAt.getTime() + 5 * 60_000),
        endsAt: new Date(row.endsAt.getTime() + 5 * 60_000),
        blockedFrom: new Date(row.blockedFrom.getTime() + 5 * 60_000),
        blockedUntil: new Date(row.blockedUntil.getTime() + 5 * 60_000),
      });
    await expect(overlapping()).rejects.toSatisfy(
      (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === "23P01",
    );
    // A cancelled booking frees its time: the same overlapping row is accepted once the first is cancelled.
    await handle.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, row.id));
    await expect(overlapping()).resolves.toBeDefined();
  });

  it.runIf(testDatabaseLane() === "postgres")(
    "holds with two app instances (two connection pools) racing on PostgreSQL",
    async () => {
      const second = await openPostgres(handle.connectionString as string, 5);
      try {
        const slots = await offered();
        const target = slots.at(-1)?.start as number;
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, n) =>
            bookConsultation(n % 2 ? second.db : handle.db, ring, request(target, 500 + n), now),
          ),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, reason: "taken" });
      } finally {
        await second.close();
      }
    },
  );
});
