import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "../../../../test/support/test-database.ts";
import { secretKeys } from "../../../platform/security/secret-key.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { bookings } from "../booking.schema.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { bookableTherapists, bookFirstAvailable, offeredBy } from "./group-practice.ts";

const ring = { current: secretKeys("a-secret-for-the-group-practice-test-00") };
const now = new Date("2027-03-01T07:00:00Z"); // a Monday morning, GMT in London
const at = (iso: string) => Date.parse(iso);
let handle: TestDatabaseHandle;
const ids: Record<string, string> = {};

async function addTherapist(name: string, days: number[], startHour: number, endHour: number) {
  const [row] = await handle.db
    .insert(therapists)
    .values({ displayName: name, email: `${name.toLowerCase()}@harbour.example`, timeZone: "Europe/London" })
    .returning();
  const id = row?.id as string;
  ids[name] = id;
  await handle.db.insert(weeklyHours).values(
    days.map((weekday) => ({
      therapistId: id,
      weekday,
      startMinute: startHour * 60,
      endMinute: endHour * 60,
    })),
  );
  await handle.db.insert(bookingSettings).values({ therapistId: id, minimumNoticeMinutes: 0 });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  // Ann works mornings, Ben afternoons, Cat all day; all Monday to Friday. Dot has no hours at all.
  await addTherapist("Ann", [1, 2, 3, 4, 5], 9, 12);
  await addTherapist("Ben", [1, 2, 3, 4, 5], 13, 17);
  await addTherapist("Cat", [1, 2, 3, 4, 5], 9, 17);
  await handle.db
    .insert(therapists)
    .values({ displayName: "Dot", email: "dot@harbour.example", timeZone: "Europe/London" });
});
afterAll(() => handle.close());

const request = (start: number, n: number) => ({
  start,
  kind: "individual" as const,
  meeting: "video" as const,
  visitorTimeZone: "Europe/London",
  submissionId: randomUUID(),
  visitor: {
    name: `Visitor ${n}`,
    email: `visitor${n}@example.org`,
    phone: "",
    contactBy: ["email" as const],
    leaveMessage: false,
    note: "",
  },
});

const ownerOf = async (bookingId: string) =>
  (await handle.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0]?.therapistId;

describe("a group practice", () => {
  it("lists the therapists a visitor may choose: those with hours who accept bookings", async () => {
    expect((await bookableTherapists(handle.db)).map((t) => t.name)).toEqual(["Ann", "Ben", "Cat"]);
  });

  it("offers first available as the union of everyone's own hours, each time with who has it", async () => {
    const day = { from: at("2027-03-01T00:00:00Z"), to: at("2027-03-02T00:00:00Z") };
    const { slots } = await offeredBy(handle.db, Object.values(ids), day, now.getTime());
    const who = (iso: string) =>
      slots
        .find((s) => s.start === at(iso))
        ?.therapistIds.map((id) => Object.keys(ids).find((k) => ids[k] === id));
    expect(who("2027-03-01T09:00:00Z")).toEqual(["Ann", "Cat"]);
    expect(who("2027-03-01T12:30:00Z")).toEqual(["Cat"]);
    expect(who("2027-03-01T14:00:00Z")).toEqual(["Ben", "Cat"]);
    expect(who("2027-03-01T17:00:00Z")).toBeUndefined();
  });

  it("shares first-available bookings out in turn among those who have the time", async () => {
    const everyone = Object.values(ids);
    const owners: string[] = [];
    // Four bookings at different times all of Ann and Cat have: they alternate.
    for (const [n, iso] of [
      "2027-03-02T09:00:00Z",
      "2027-03-02T10:00:00Z",
      "2027-03-02T11:00:00Z",
      "2027-03-03T09:00:00Z",
    ].entries()) {
      const outcome = await bookFirstAvailable(
        handle.db,
        ring,
        request(at(iso), n),
        everyone,
        new Date(now.getTime() + n * 1000),
      );
      if (!outcome.ok) throw new Error(outcome.reason);
      owners.push(Object.keys(ids).find((k) => ids[k] === outcome.therapistId) as string);
      expect(await ownerOf(outcome.bookingId)).toBe(outcome.therapistId);
    }
    // Neither had been booked, so the first goes to either (by id); from then on they take turns.
    expect(new Set(owners.slice(0, 2))).toEqual(new Set(["Ann", "Cat"]));
    expect(owners.slice(2)).toEqual(owners.slice(0, 2));
  });

  it("gives a time two therapists have to two visitors, then tells the third it was just taken, offering the nearest", async () => {
    const everyone = Object.values(ids);
    const start = at("2027-03-04T14:00:00Z"); // Ben and Cat
    const first = await bookFirstAvailable(handle.db, ring, request(start, 10), everyone, now);
    const second = await bookFirstAvailable(handle.db, ring, request(start, 11), everyone, now);
    const third = await bookFirstAvailable(handle.db, ring, request(start, 12), everyone, now);
    expect(first.ok && second.ok).toBe(true);
    expect(new Set([first.therapistId, second.therapistId])).toEqual(new Set([ids.Ben, ids.Cat]));
    expect(third).toMatchObject({ ok: false, reason: "taken" });
    if (!third.ok && third.reason === "taken") {
      expect(third.alternatives.length).toBeGreaterThan(0);
      expect(third.alternatives.every((s) => s.start !== start)).toBe(true);
    }
  });

  it("gives a time only one therapist has to that therapist, and refuses a time nobody offers", async () => {
    const everyone = Object.values(ids);
    const lunch = await bookFirstAvailable(
      handle.db,
      ring,
      request(at("2027-03-05T12:30:00Z"), 20),
      everyone,
      now,
    );
    expect(lunch.ok && lunch.therapistId).toBe(ids.Cat);
    const evening = await bookFirstAvailable(
      handle.db,
      ring,
      request(at("2027-03-05T19:00:00Z"), 21),
      everyone,
      now,
    );
    expect(evening).toMatchObject({ ok: false, reason: "not-offered" });
  });
});
