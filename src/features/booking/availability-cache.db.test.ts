import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedConsultation } from "../../../test/support/seed-consultation.ts";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { AvailabilityCache, maxTherapistsHeld } from "./availability-cache.ts";
import { bookings } from "./booking.schema.ts";
import { bookingSettings } from "./booking-settings.schema.ts";
import { calendarBusyTimes, calendarFeeds } from "./calendar-feeds/calendar-feed.schema.ts";
import { computeSlots } from "./compute-slots.ts";
import { dateOverrides } from "./date-override.schema.ts";
import { weeklyHours } from "./weekly-hours.schema.ts";

const keys = { current: secretKeys("a-secret-for-the-availability-cache-00") };
const now = Date.parse("2027-03-01T07:00:00Z"); // a Monday morning, GMT in London
const monday = { from: Date.parse("2027-03-01T00:00:00Z"), to: Date.parse("2027-03-02T00:00:00Z") };
let handle: TestDatabaseHandle;
let ann: string;

/** Monday's offered times as "HH:MM" UTC, as a cache holds them at `when`. */
async function mondayTimes(cache: AvailabilityCache, when = now): Promise<string[]> {
  const availability = await cache.availability(ann, await cache.versions(), when);
  if (!availability) return [];
  return computeSlots({ ...availability, now: when, ...monday }).map((slot) =>
    new Date(slot.start).toISOString().slice(11, 16),
  );
}

/** A change with the version triggers switched off: only a cache that went back to the database sees it. */
async function withoutTriggers(change: (tx: typeof handle.db) => Promise<unknown>) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await change(tx);
  });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const [row] = await handle.db
    .insert(therapists)
    .values({ displayName: "Ann", email: "ann@harbour.example", timeZone: "Europe/London" })
    .returning();
  ann = row?.id as string;
  await handle.db
    .insert(weeklyHours)
    .values({ therapistId: ann, weekday: 1, startMinute: 540, endMinute: 660 });
  await handle.db.insert(bookingSettings).values({
    therapistId: ann,
    minimumNoticeMinutes: 0,
    durationMinutes: 30,
    bufferAfterMinutes: 0,
    intervalMinutes: 30,
  });
});
afterAll(() => handle.close());

describe("the times page's cache of therapists' inputs", () => {
  it("answers from memory while nothing changed, and sees each kind of change, made anywhere", async () => {
    // Two caches on one database: this instance and another one behind the same load balancer.
    const here = new AvailabilityCache(handle.db);
    const there = new AvailabilityCache(handle.db);
    expect(await mondayTimes(here)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(await mondayTimes(there)).toEqual(["09:00", "09:30", "10:00", "10:30"]);

    // Held: a change that leaves the version alone is not read (so nothing else was read either).
    await withoutTriggers((tx) => tx.delete(weeklyHours).where(eq(weeklyHours.therapistId, ann)));
    expect(await mondayTimes(here)).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    await withoutTriggers((tx) =>
      tx.insert(weeklyHours).values({ therapistId: ann, weekday: 1, startMinute: 540, endMinute: 660 }),
    );

    // A booking, written by whatever code, on whichever instance.
    const booked = await seedConsultation(handle.db, keys, {
      therapistId: ann,
      startsAt: new Date("2027-03-01T09:30:00Z"),
      visitor: { name: "Bea" },
    });
    expect(await mondayTimes(here)).toEqual(["09:00", "10:00", "10:30"]);
    expect(await mondayTimes(there)).toEqual(["09:00", "10:00", "10:30"]);

    // Cancelled: the time is free again.
    await handle.db.update(bookings).set({ status: "cancelled" }).where(eq(bookings.id, booked));
    expect(await mondayTimes(there)).toEqual(["09:00", "09:30", "10:00", "10:30"]);

    // The weekly hours replaced.
    await handle.db.transaction(async (tx) => {
      await tx.delete(weeklyHours).where(eq(weeklyHours.therapistId, ann));
      await tx.insert(weeklyHours).values({ therapistId: ann, weekday: 1, startMinute: 600, endMinute: 690 });
    });
    expect(await mondayTimes(here)).toEqual(["10:00", "10:30", "11:00"]);

    // A date override for that Monday.
    await handle.db
      .insert(dateOverrides)
      .values({ therapistId: ann, date: "2027-03-01", ranges: [{ startMinute: 480, endMinute: 540 }] });
    expect(await mondayTimes(there)).toEqual(["08:00", "08:30"]);

    // The settings: a longer consultation.
    await handle.db
      .update(bookingSettings)
      .set({ durationMinutes: 60 })
      .where(eq(bookingSettings.therapistId, ann));
    expect(await mondayTimes(here)).toEqual(["08:00"]);
    await handle.db
      .update(bookingSettings)
      .set({ durationMinutes: 30 })
      .where(eq(bookingSettings.therapistId, ann));

    // A busy time from the therapist's own calendar.
    const [feed] = await handle.db
      .insert(calendarFeeds)
      .values({ therapistId: ann, label: "Home", urlEncrypted: "x", host: "calendar.example" })
      .returning();
    await handle.db.insert(calendarBusyTimes).values({
      feedId: feed?.id as string,
      therapistId: ann,
      startsAt: new Date("2027-03-01T08:00:00Z"),
      endsAt: new Date("2027-03-01T08:15:00Z"),
    });
    expect(await mondayTimes(there)).toEqual(["08:30"]);

    // The therapist's zone: the same wall-clock hours are other instants.
    await handle.db.update(therapists).set({ timeZone: "Europe/Paris" }).where(eq(therapists.id, ann));
    expect(await mondayTimes(here)).toEqual(["07:00", "07:30"]);
  });

  it("lets a request stop holding its time when it expires, with no change in the database", async () => {
    const cache = new AvailabilityCache(handle.db);
    const before = await mondayTimes(cache);
    const start = new Date("2027-03-01T07:30:00Z"); // 08:30 in Paris, one of the offered times
    expect(before).toContain("07:30");
    await seedConsultation(handle.db, keys, { therapistId: ann, startsAt: start, visitor: { name: "Cy" } });
    await handle.db
      .update(bookings)
      .set({ status: "requested", expiresAt: new Date(now + 20 * 60_000) })
      .where(eq(bookings.startsAt, start));
    expect(await mondayTimes(cache)).not.toContain("07:30");
    // Nineteen minutes on, the request still holds the time; at its expiry it no longer does.
    expect(await mondayTimes(cache, now + 19 * 60_000)).not.toContain("07:30");
    expect(await mondayTimes(cache, now + 20 * 60_000)).toContain("07:30");
  });

  it("shares one read of the versions among requests arriving together", async () => {
    const cache = new AvailabilityCache(handle.db);
    const before = (await cache.versions()).get(ann) ?? 0;
    const reads = vi.spyOn(handle.db, "execute");
    try {
      const together = await Promise.all(Array.from({ length: 10 }, () => cache.versions()));
      expect(together.every((versions) => versions.get(ann) === before)).toBe(true);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      reads.mockRestore();
    }
  });

  it("bumps each therapist a statement touched once, however many of their rows it changed", async () => {
    const [row] = await handle.db
      .insert(therapists)
      .values({ displayName: "Bo", email: "bo@harbour.example", timeZone: "Europe/London" })
      .returning();
    const bo = row?.id as string;
    const cache = new AvailabilityCache(handle.db);
    const version = async (id: string) => (await cache.versions()).get(id) ?? 0;

    // Five rows of hours in one statement: one bump (a bump per row would have made it five).
    const before = await version(bo);
    await handle.db
      .insert(weeklyHours)
      .values(
        [1, 2, 3, 4, 5].map((weekday) => ({ therapistId: bo, weekday, startMinute: 540, endMinute: 600 })),
      );
    expect(await version(bo)).toBe(before + 1);

    // One statement changing both therapists' bookings: each bumped once, in one write.
    const starts = ["2027-03-08T09:00:00Z", "2027-03-08T10:00:00Z"].map((iso) => new Date(iso));
    for (const [n, therapistId] of [ann, ann, bo, bo].entries()) {
      const startsAt = new Date((starts[n % 2] as Date).getTime());
      await seedConsultation(handle.db, keys, { therapistId, startsAt, visitor: { name: `V${n}` } });
    }
    const annBefore = await version(ann);
    const boBefore = await version(bo);
    const moved = await handle.db
      .update(bookings)
      .set({ status: "cancelled" })
      .where(sql`${bookings.startsAt} in (${starts[0]}, ${starts[1]})`)
      .returning({ id: bookings.id });
    expect(moved).toHaveLength(4);
    expect([await version(ann), await version(bo)]).toEqual([annBefore + 1, boBefore + 1]);

    // A statement that changes no row leaves every version alone.
    await handle.db.delete(weeklyHours).where(eq(weeklyHours.startMinute, 1));
    expect([await version(ann), await version(bo)]).toEqual([annBefore + 1, boBefore + 1]);
  });

  it("holds at most a bounded number of therapists, letting the least recently asked go", async () => {
    const cache = new AvailabilityCache(handle.db);
    const rows = await handle.db
      .insert(therapists)
      .values(
        Array.from({ length: maxTherapistsHeld + 6 }, (_, i) => ({
          displayName: `Therapist ${i}`,
          email: `t${i}@harbour.example`,
          timeZone: "Europe/London",
        })),
      )
      .returning({ id: therapists.id });
    const versions = await cache.versions();
    for (const row of rows) await cache.availability(row.id, versions, now);
    expect(cache.size).toBe(maxTherapistsHeld);
    // Asked again, the first one is read back in, and the cache stays at its bound.
    expect((await cache.availability(rows[0]?.id as string, versions, now))?.therapistName).toBe(
      "Therapist 0",
    );
    expect(cache.size).toBe(maxTherapistsHeld);
  });
});
