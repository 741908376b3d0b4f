// The slot computation under a busy practice's load: one therapist, a 60-day horizon across a
// daylight-saving change, 300 bookings and 500 busy events. Figures to read, never a time limit in a test.
import { blockedRange, computeSlots, type Interval, type SlotRules } from "./compute-slots.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A small seeded generator (mulberry32), so every run measures the same scenario. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function benchmarkScenario() {
  const random = seeded(20_260_310);
  const weekdays = [1, 2, 3, 4, 5];
  const rules: SlotRules = {
    timeZone: "Europe/London",
    weekly: [
      ...weekdays.map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 12 * 60 + 30 })),
      ...weekdays.map((weekday) => ({ weekday, startMinute: 13 * 60 + 30, endMinute: 18 * 60 })),
      { weekday: 6, startMinute: 10 * 60, endMinute: 13 * 60 },
    ],
    overrides: [
      { date: "2026-03-20", ranges: [] },
      { date: "2026-04-03", ranges: [] },
      { date: "2026-04-11", ranges: [{ startMinute: 8 * 60, endMinute: 20 * 60 }] },
    ],
    durationMinutes: 20,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 60,
    intervalMinutes: 20,
    maxPerDay: null,
  };
  // Tuesday 10 March 2026, 08:00 UTC: the horizon spans London's spring-forward on 29 March.
  const now = Date.UTC(2026, 2, 10, 8, 0);
  const bookings = Array.from({ length: 300 }, () => {
    const start = now + Math.floor(random() * 60) * DAY + (8 * 60 + Math.floor(random() * 30) * 20) * MINUTE;
    const blocked = blockedRange({ start, end: start + 20 * MINUTE }, rules);
    return { start, blockedFrom: blocked.start, blockedUntil: blocked.end };
  });
  const busy: Interval[] = Array.from({ length: 500 }, () => {
    const start = now + Math.floor(random() * 60 * 24 * 60) * MINUTE;
    return { start, end: start + (15 + Math.floor(random() * 165)) * MINUTE };
  });
  return { rules, bookings, busy, now };
}

export function benchmarkSlots(options: { runs?: number; warmup?: number } = {}) {
  const runs = options.runs ?? 500;
  const warmup = options.warmup ?? 100;
  const input = benchmarkScenario();
  let slots = 0;
  for (let i = 0; i < warmup; i++) slots = computeSlots(input).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    slots = computeSlots(input).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  return { medianMs: at(0.5), p99Ms: at(0.99), runs, slots };
}
