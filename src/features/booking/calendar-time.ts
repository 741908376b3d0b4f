// Instants as calendar files and calendar links write them: checked, and always in UTC.

/** An event's start and end: usable instants, the end after the start. */
export function checkTimes(start: number, end: number): void {
  checkInstant(start, "start");
  checkInstant(end, "end");
  if (end <= start) throw new RangeError("Calendar event must end after it starts");
}

export function checkInstant(ms: number, what: string): void {
  const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : Number.NaN;
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`Calendar ${what} is not a usable instant: ${ms}`);
}

/** "2026-03-29T01:30:00Z": ISO 8601 in UTC, whole seconds. */
export function utcIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** "20260329T013000Z": the RFC 5545 UTC DATE-TIME form (the "basic" ISO 8601 format). */
export function utcBasic(ms: number): string {
  return utcIso(ms).replace(/[-:]/g, "");
}
