import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/people.ts";
import { daysAhead, instantOf, sessionsPractice } from "../../../test/support/sessions-practice.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import type { Database } from "../../platform/db/database.ts";
import { openPostgres } from "../../platform/db/open-postgres.ts";
import { bookConsultation } from "../booking/book-consultation.ts";
import { bookings } from "../booking/booking.schema.ts";
import { scheduleSessions } from "./schedule-sessions.ts";
import { therapySessions } from "./session.schema.ts";

// Consultations and sessions are two tables; the database must still refuse two of them at one time for one
// therapist, whoever writes first, through the app's path or around it (record 055). On PostgreSQL the
// writers run at once on separate connections of two pools.
let t: TestApp;
let tessId: string;
let dee: TestClient;
const dbs: Database[] = [];
let closeSecond: (() => Promise<void>) | undefined;
const mail = {
  practiceName: "Haven demo practice",
  practiceEmail: "hello@example.org",
  publicHost: "haven.test",
  manageUrlFor: (id: string) => `https://haven.test/book/manage/${id}`,
};

beforeAll(async () => {
  t = await createTestApp();
  const practice = await sessionsPractice(t);
  tessId = practice.tess.id;
  dee = practice.dee;
  dbs.push(t.handle.db);
  if (testDatabaseLane() === "postgres") {
    const second = await openPostgres(t.handle.connectionString as string, 10);
    dbs.push(second.db);
    closeSecond = () => second.close();
  }
});
afterAll(async () => {
  await closeSecond?.();
  await t.close();
});

describe("a consultation and a session for the same time, at the same moment", () => {
  it("through the app: twenty at once, exactly one is booked, the rest are refused, none fails", async () => {
    const date = daysAhead(4);
    const start = instantOf(date, "11:00");
    const attempts = Array.from({ length: 20 }, (_, n) => {
      const db = dbs[n % dbs.length] as Database;
      if (n % 2 === 0)
        return bookConsultation(db, t.keys, {
          therapistId: tessId,
          start,
          kind: "individual",
          meeting: "video",
          visitorTimeZone: "Europe/London",
          submissionId: randomUUID(),
          visitor: {
            name: `P${n}`,
            email: `p${n}@example.org`,
            phone: "",
            contactBy: ["email"],
            leaveMessage: true,
            note: "",
          },
        }).then((o) => o.ok);
      return scheduleSessions(
        db,
        t.keys,
        {
          therapistId: tessId,
          for: { clientId: dee.id, coupleId: null },
          date,
          time: "11:00",
          durationMinutes: 50,
          weeks: 1,
        },
        mail,
      ).then((o) => o.ok);
    });
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const booked = results.filter((r) => r.status === "fulfilled" && r.value === true);
    expect(booked).toHaveLength(1);
  });

  it("around the app (no lock taken first): the triggers alone let exactly one in", async () => {
    const date = daysAhead(5);
    const start = instantOf(date, "13:00");
    const session = (db: Database) =>
      db.insert(therapySessions).values({
        therapistId: tessId,
        clientId: dee.id,
        startsAt: new Date(start + 10 * 60_000),
        endsAt: new Date(start + 60 * 60_000),
        seriesId: randomUUID(),
      });
    const consultation = (db: Database) =>
      db.insert(bookings).values({
        therapistId: tessId,
        kind: "individual",
        meeting: "video",
        startsAt: new Date(start),
        endsAt: new Date(start + 20 * 60_000),
        blockedFrom: new Date(start),
        blockedUntil: new Date(start + 30 * 60_000),
        visitorEncrypted: "not read in this test",
        visitorEmailLookup: randomUUID(),
        visitorTimeZone: "Europe/London",
        submissionId: randomUUID(),
      });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, n) => {
        const db = dbs[n % dbs.length] as Database;
        return n % 2 === 0 ? session(db) : consultation(db);
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected")
        expect((r.reason as { cause?: { code?: string } }).cause?.code).toBe("23P01");
    }
  });
});
