// Pure rules for "approve first" requests (decision record 038): when a request lapses, and what its
// status is at a given moment. No I/O and no clock: callers pass `now`.

import type { bookingStatuses } from "./booking.schema.ts";

const MINUTE = 60_000;
const HOUR = 3_600_000;

export type BookingStatus = (typeof bookingStatuses)[number];

/** A request lapses at least this long before its start, so nobody is left unsure whether to turn up. */
export const answerBeforeStartMinutes = 120;

/** However soon the consultation, the therapist always has at least this long to answer. */
export const shortestAnswerMinutes = 60;

/**
 * The shortest notice a visitor may book with. With approve first it is at least three hours, so every
 * request leaves the therapist an hour to answer and still lapses two hours before it would start.
 */
export function minimumNoticeFor(settings: {
  minimumNoticeMinutes: number;
  approvalRequired: boolean;
}): number {
  if (!settings.approvalRequired) return settings.minimumNoticeMinutes;
  return Math.max(settings.minimumNoticeMinutes, answerBeforeStartMinutes + shortestAnswerMinutes);
}

/** When a request made at `now` for `start` lapses: after the therapist's hours, or two hours before it starts. */
export function requestExpiresAt(now: number, start: number, expiryHours: number): number {
  return Math.min(now + expiryHours * HOUR, start - answerBeforeStartMinutes * MINUTE);
}

/** A request moved to another time keeps its deadline, brought forward if the new time needs it: never later. */
export function movedRequestExpiresAt(current: number, newStart: number): number {
  return Math.min(current, newStart - answerBeforeStartMinutes * MINUTE);
}

/**
 * A booking's status at `now`. A request past its expiry has lapsed even if the sweep has not yet written
 * so: a late sweeper must never keep a time blocked or let a lapsed request be approved.
 */
export function statusAt(
  booking: { status: BookingStatus; expiresAt: Date | null },
  now: number,
): BookingStatus {
  const lapsed = booking.status === "requested" && (booking.expiresAt?.getTime() ?? 0) <= now;
  return lapsed ? "expired" : booking.status;
}

/** Requests and confirmed consultations keep their time from others (the exclusion constraint's WHERE). */
export function holdsItsTime(status: BookingStatus): boolean {
  return status === "requested" || status === "confirmed";
}
