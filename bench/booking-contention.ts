// Booking under contention, straight through the booking transaction (no HTTP): 50 people pressing
// the same time at once, then 50 spread over overlapping times. Reports outcome counts and the
// latency of each request; the correctness itself is asserted by the test suite, not here.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { therapists } from "../src/features/accounts/therapist.schema.ts";
import { bookConsultation } from "../src/features/booking/book-consultation.ts";
import { bookingSettings } from "../src/features/booking/booking-settings.schema.ts";
import { computeSlots } from "../src/features/booking/compute-slots.ts";
import { loadAvailability } from "../src/features/booking/therapist-availability.ts";
import { weeklyHours } from "../src/features/booking/weekly-hours.schema.ts";
import type { DatabaseHandle } from "../src/platform/db/database.ts";
import { secretKeys } from "../src/platform/security/secret-key.ts";
import { onBenchDatabases } from "./bench-databases.ts";

const ring = { current: secretKeys("bench-secret-bench-secret-bench-secret") };

export type ContentionReport = {
  database: string;
  scenario: string;
  requests: number;
  booked: number;
  taken: number;
  other: number;
  errors: number;
  medianMs: number;
  p99Ms: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function seed(handle: DatabaseHandle): Promise<string> {
  const [therapist] = await handle.db
    .insert(therapists)
    .values({ displayName: "Bench Therapist", timeZone: "Europe/London" })
    .returning();
  const therapistId = therapist?.id as string;
  await handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId,
      weekday,
      startMinute: 8 * 60,
      endMinute: 20 * 60,
    })),
  );
  await handle.db
    .insert(bookingSettings)
    .values({ therapistId, intervalMinutes: 15, bufferAfterMinutes: 10, minimumNoticeMinutes: 0 });
  return therapistId;
}

async function race(
  database: string,
  scenario: string,
  dbs: DatabaseHandle[],
  therapistId: string,
  starts: number[],
): Promise<ContentionReport> {
  const timings: number[] = [];
  let booked = 0;
  let taken = 0;
  let other = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: 50 }, async (_, n) => {
      const began = performance.now();
      try {
        const outcome = await bookConsultation((dbs[n % dbs.length] as DatabaseHandle).db, ring, {
          therapistId,
          start: starts[n % starts.length] as number,
          kind: "individual",
          meeting: "video",
          visitorTimeZone: "Europe/London",
          submissionId: randomUUID(),
          visitor: {
            name: `V${n}`,
            email: `v${scenario}${n}@example.org`,
            phone: "",
            contactBy: ["email"],
            leaveMessage: false,
            note: "",
          },
        });
        if (outcome.ok) booked++;
        else if (outcome.reason === "taken") taken++;
        else other++;
      } catch {
        errors++;
      }
      timings.push(performance.now() - began);
    }),
  );
  timings.sort((a, b) => a - b);
  return {
    database,
    scenario,
    requests: 50,
    booked,
    taken,
    other,
    errors,
    medianMs: percentile(timings, 0.5),
    p99Ms: percentile(timings, 0.99),
  };
}

async function scenarios(database: string, handles: DatabaseHandle[]): Promise<ContentionReport[]> {
  const primary = handles[0] as DatabaseHandle;
  const therapistId = await seed(primary);
  const now = Date.now();
  const window = { from: now, to: now + 7 * 86_400_000 };
  const availability = await loadAvailability(primary.db, therapistId, window);
  if (!availability) throw new Error("bench therapist missing");
  const slots = computeSlots({ rules: availability.rules, bookings: [], busy: [], now, ...window });
  const one = [slots[4]?.start as number];
  // 15 minutes apart with 30 minutes blocked each: every pair overlaps, so exactly one can win.
  const overlapping = [slots[20]?.start as number, slots[21]?.start as number];
  return [
    await race(database, "one time", handles, therapistId, one),
    await race(database, "overlapping times", handles, therapistId, overlapping),
  ];
}

/** On a fresh in-memory PGlite, and (when a URL is given) on a fresh PostgreSQL database with two pools. */
export async function benchmarkBookingContention(
  postgresUrl: string | undefined,
): Promise<ContentionReport[]> {
  return onBenchDatabases(postgresUrl, scenarios);
}
