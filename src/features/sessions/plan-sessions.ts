import { Temporal } from "temporal-polyfill";
import type { DateOverride, Interval, WeeklyRange } from "../booking/compute-slots.ts";

// Pure planning of therapy sessions: no I/O, no clock. The scheduling transaction calls it with what it
// read under the therapist's lock, so what it refuses here is exactly what the database would refuse.

export type SessionPlanInput = {
  /** The first session's local date (YYYY-MM-DD) and wall-clock start (HH:MM), in the therapist's zone. */
  date: string;
  time: string;
  durationMinutes: number;
  /** 1 for once; otherwise the same weekday and time for this many weeks. */
  weeks: number;
  zone: string;
  weekly: WeeklyRange[];
  overrides: DateOverride[];
  /** Times already taken: consultations with their buffers, other sessions, busy times from calendars. */
  taken: Interval[];
  now: number;
};

export type SessionPlan =
  | { ok: true; sessions: Interval[] }
  | { ok: false; problem: "past" | "outside-hours" | "clash"; dates: string[] };

/** The working ranges of one local date: that date's override if it has one, else its weekday's hours. */
function rangesOn(date: Temporal.PlainDate, input: SessionPlanInput) {
  const override = input.overrides.find((o) => o.date === date.toString());
  if (override) return override.ranges;
  return input.weekly.filter((w) => w.weekday === date.dayOfWeek);
}

/**
 * The sessions asked for, or why not: a first session already past, a session outside the therapist's
 * hours, or a clash with something already in their diary, naming every date concerned.
 */
export function planSessions(input: SessionPlanInput): SessionPlan {
  const first = Temporal.PlainDate.from(input.date);
  const wall = Temporal.PlainTime.from(input.time);
  const startMinute = wall.hour * 60 + wall.minute;
  const endMinute = startMinute + input.durationMinutes;
  const sessions: (Interval & { date: string })[] = [];
  for (let week = 0; week < input.weeks; week++) {
    const date = first.add({ weeks: week });
    const start = date.toZonedDateTime({ timeZone: input.zone, plainTime: wall }).epochMilliseconds;
    sessions.push({ date: date.toString(), start, end: start + input.durationMinutes * 60_000 });
  }
  if ((sessions[0]?.start ?? 0) <= input.now) return { ok: false, problem: "past", dates: [input.date] };
  const outside = sessions.filter((s) => {
    const ranges = rangesOn(Temporal.PlainDate.from(s.date), input);
    return !ranges.some((r) => r.startMinute <= startMinute && endMinute <= r.endMinute);
  });
  if (outside.length > 0) return { ok: false, problem: "outside-hours", dates: outside.map((s) => s.date) };
  const clashing = sessions.filter((s) => input.taken.some((t) => t.start < s.end && s.start < t.end));
  if (clashing.length > 0) return { ok: false, problem: "clash", dates: clashing.map((s) => s.date) };
  return { ok: true, sessions: sessions.map(({ start, end }) => ({ start, end })) };
}
