/**
 * The trigger log's weeks: how many moments, and how strong on average, in each of the last weeks
 * (Monday to Sunday in the practice's time zone). Pure: no clock and no database, so it is tested
 * with any dates (weekly-summary.test.ts).
 */
export type Moment = { at: Date; strength: number };
export type WeekSummary = { weekStart: string; count: number; meanStrength: number | null };

const dayMs = 86_400_000;

/** The calendar date of an instant in a zone, as days since 1970-01-01 and its weekday (Monday 0). */
function localDay(at: Date, timeZone: string): { day: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = Math.floor(Date.UTC(part("year"), part("month") - 1, part("day")) / dayMs);
  // 1970-01-01 was a Thursday: three days after a Monday.
  return { day, weekday: (((day + 3) % 7) + 7) % 7 };
}

const isoDate = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

export function weeklySummary(
  moments: readonly Moment[],
  now: Date,
  timeZone: string,
  weeks = 12,
): WeekSummary[] {
  const today = localDay(now, timeZone);
  const thisMonday = today.day - today.weekday;
  const firstMonday = thisMonday - 7 * (weeks - 1);
  const buckets = Array.from({ length: weeks }, () => ({ count: 0, total: 0 }));
  for (const moment of moments) {
    const { day } = localDay(moment.at, timeZone);
    const index = Math.floor((day - firstMonday) / 7);
    const bucket = buckets[index];
    if (!bucket || day > today.day) continue;
    bucket.count++;
    bucket.total += moment.strength;
  }
  return buckets.map((bucket, i) => ({
    weekStart: isoDate(firstMonday + 7 * i),
    count: bucket.count,
    meanStrength: bucket.count > 0 ? Math.round((bucket.total / bucket.count) * 10) / 10 : null,
  }));
}
