// Sustained booking throughput, straight through the booking transaction (no HTTP): 50 clients, each
// in a loop booking the next free time from a shared queue, for a fixed time after a short warm-up.
// The queue holds times that never overlap, so nearly every booking should succeed: a refusal here
// means the transaction turned down a time it offered. Figures to read, never a time limit in a test.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { therapists } from "../src/features/accounts/therapist.schema.ts";
import { bookConsultation } from "../src/features/booking/book-consultation.ts";
import { bookingSettings } from "../src/features/booking/booking-settings.schema.ts";
import { blockedRange, computeSlots } from "../src/features/booking/compute-slots.ts";
import { loadAvailability } from "../src/features/booking/therapist-availability.ts";
import { weeklyHours } from "../src/features/booking/weekly-hours.schema.ts";
import type { DatabaseHandle } from "../src/platform/db/database.ts";
import { secretKeys } from "../src/platform/security/secret-key.ts";
import { onBenchDatabases } from "./bench-databases.ts";

const ring = { current: secretKeys("bench-secret-bench-secret-bench-secret") };
const DAY = 86_400_000;

export type ThroughputOptions = {
  seconds: number;
  warmUpSeconds: number;
  clients: number;
  therapists: number;
};
export type ThroughputReport = ThroughputOptions & {
  database: string;
  booked: number;
  perSecond: number;
  medianMs: number;
  p99Ms: number;
  refused: number;
  errors: number;
  /** The queue of free times ran dry before the time was up (the figures then cover less than asked). */
  ranOut: boolean;
  /** The first error's message, so a failing run says why. */
  firstError?: string | undefined;
  /** Why the first refused booking was refused ("taken", "not-offered", "too-many"). */
  firstRefusal?: string | undefined;
};
type Free = { therapistId: string; start: number };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * Therapists open every hour of every day for a year, offering a start every 5 minutes, no notice and
 * no daily limit: 48 bookable times a day each (20 minutes plus the default 10-minute buffer).
 */
async function seed(handle: DatabaseHandle, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const [therapist] = await handle.db
      .insert(therapists)
      .values({ displayName: `Throughput Therapist ${n + 1}`, timeZone: "Europe/London" })
      .returning();
    const therapistId = therapist?.id as string;
    await handle.db
      .insert(weeklyHours)
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ therapistId, weekday, startMinute: 0, endMinute: 1440 })),
      );
    await handle.db.insert(bookingSettings).values({
      therapistId,
      intervalMinutes: 5,
      minimumNoticeMinutes: 0,
      horizonDays: 365,
      maxPerDay: null,
    });
    ids.push(therapistId);
  }
  return ids;
}

/** Offered times whose blocked ranges never overlap, from an hour ahead, taken in turn across therapists. */
async function freeTimes(handle: DatabaseHandle, therapistIds: string[]): Promise<Free[]> {
  const now = Date.now();
  const window = { from: now + 3_600_000, to: now + 364 * DAY };
  const availability = await loadAvailability(handle.db, therapistIds[0] as string, window);
  if (!availability) throw new Error("bench therapist missing");
  const starts: number[] = [];
  let freeFrom = -Infinity;
  for (const slot of computeSlots({ rules: availability.rules, bookings: [], busy: [], now, ...window })) {
    const blocked = blockedRange(slot, availability.rules);
    if (blocked.start < freeFrom) continue;
    starts.push(slot.start);
    freeFrom = blocked.end;
  }
  // Every therapist has the same hours, so the same starts serve them all.
  return starts.flatMap((start) => therapistIds.map((therapistId) => ({ therapistId, start })));
}

async function run(database: string, handles: DatabaseHandle[], options: ThroughputOptions) {
  const therapistIds = await seed(handles[0] as DatabaseHandle, options.therapists);
  const queue = await freeTimes(handles[0] as DatabaseHandle, therapistIds);
  let next = 0;
  let ranOut = false;

  async function phase(seconds: number) {
    const timings: number[] = [];
    const counts = { booked: 0, refused: 0, errors: 0 };
    let firstError: string | undefined;
    let firstRefusal: string | undefined;
    const began = performance.now();
    const until = began + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.clients }, async (_, client) => {
        const { db } = handles[client % handles.length] as DatabaseHandle;
        while (performance.now() < until) {
          const index = next++;
          const free = queue[index];
          if (!free) {
            ranOut = true;
            return;
          }
          const started = performance.now();
          try {
            const outcome = await bookConsultation(db, ring, {
              ...free,
              kind: "individual",
              meeting: "video",
              visitorTimeZone: "Europe/London",
              submissionId: randomUUID(),
              visitor: {
                name: `Client ${client}`,
                // One address per booking: the cap per address must not be what refuses.
                email: `c${client}-${index}@example.org`,
                phone: "",
                contactBy: ["email"],
                leaveMessage: false,
                note: "",
              },
            });
            if (outcome.ok) counts.booked++;
            else {
              counts.refused++;
              firstRefusal ??= outcome.reason;
            }
          } catch (error) {
            counts.errors++;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
          timings.push(performance.now() - started);
        }
      }),
    );
    const elapsed = (performance.now() - began) / 1000;
    timings.sort((a, b) => a - b);
    return {
      ...options,
      database,
      ...counts,
      perSecond: counts.booked / elapsed,
      medianMs: percentile(timings, 0.5),
      p99Ms: percentile(timings, 0.99),
      ranOut,
      firstError,
      firstRefusal,
    };
  }

  await phase(options.warmUpSeconds);
  return phase(options.seconds);
}

/** On a fresh in-memory PGlite, and (when a URL is given) on a fresh PostgreSQL database with two pools. */
export async function benchmarkBookingThroughput(
  postgresUrl: string | undefined,
  options: Partial<ThroughputOptions> = {},
): Promise<ThroughputReport[]> {
  const settings: ThroughputOptions = {
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    warmUpSeconds: 2,
    clients: 50,
    therapists: 5,
    ...options,
  };
  return onBenchDatabases(postgresUrl, async (database, handles) => [await run(database, handles, settings)]);
}

/** The table `npm run bench` prints, with the goal stated (not asserted). */
export function throughputTable(reports: ThroughputReport[]): string {
  const first = reports[0];
  if (!first) return "Booking throughput: no results";
  const header = ["database", "booked", "per s", "median ms", "p99 ms", "refused", "errors"];
  const rows = reports.map((r) => [
    r.database + (r.ranOut ? " (ran out of free times)" : ""),
    String(r.booked),
    r.perSecond.toFixed(0),
    r.medianMs.toFixed(1),
    r.p99Ms.toFixed(1),
    String(r.refused),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  return [
    `Booking throughput: ${first.clients} clients, each booking the next free time with one of ${first.therapists} therapist${first.therapists === 1 ? "" : "s"} in a loop for ${first.seconds} s after a ${first.warmUpSeconds} s warm-up; goal: p99 < 100 ms`,
    line(header),
    ...rows.map(line),
    ...reports.flatMap((r) => [
      ...(r.firstRefusal ? [`  ${r.database}, first refusal: ${r.firstRefusal}`] : []),
      ...(r.firstError ? [`  ${r.database}, first error: ${r.firstError}`] : []),
    ]),
  ].join("\n");
}
