import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { scheduledSessionTimes } from "../sessions/scheduled-session-times.ts";
import { bookings } from "./booking.schema.ts";
import { bookingSettings } from "./booking-settings.schema.ts";
import { calendarBusyFor } from "./calendar-feeds/calendar-feeds.ts";
import type { ExistingBooking, Interval, SlotRules } from "./compute-slots.ts";
import { dateOverrides } from "./date-override.schema.ts";
import { holdsItsTimeAt } from "./holds-its-time.ts";
import { minimumNoticeFor } from "./request-expiry.ts";
import { weeklyHours } from "./weekly-hours.schema.ts";

export type Availability = {
  therapistId: string;
  therapistName: string;
  rules: SlotRules;
  /** `heldUntil`: a request's expiry, after which it no longer holds its time (absent when confirmed). */
  bookings: (ExistingBooking & { heldUntil?: number })[];
  /** Times the therapist's own calendars say they are busy (record 039). */
  busy: Interval[];
  settings: typeof bookingSettings.$inferSelect;
};

/** The settings a therapist has before saving any: the defaults. */
export function defaultBookingSettings(therapistId: string): typeof bookingSettings.$inferSelect {
  return {
    therapistId,
    acceptsBookings: true,
    durationMinutes: 20,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 12 * 60,
    horizonDays: 30,
    intervalMinutes: 30,
    maxPerDay: null,
    cancellationCutoffHours: 24,
    graceMinutes: 30,
    videoLink: null,
    phoneArrangement: null,
    approvalRequired: false,
    requestExpiryHours: 24,
    reminderHours: 24,
    isDemo: false,
  };
}

/**
 * Everything slot computation needs for one therapist, read in the caller's transaction (the booking
 * transaction reads it after locking the therapist's row, so nothing changes underneath).
 */
export async function loadAvailability(
  tx: Database,
  therapistId: string,
  window: { from: number; to: number },
  /** A booking being moved does not stand in its own way. */
  excludeBookingId?: string,
  /** Requests past their expiry at this moment no longer hold their time. */
  now = new Date(),
): Promise<Availability | undefined> {
  const [therapist] = await tx.select().from(therapists).where(eq(therapists.id, therapistId));
  if (!therapist) return undefined;
  const [saved] = await tx.select().from(bookingSettings).where(eq(bookingSettings.therapistId, therapistId));
  const settings = saved ?? defaultBookingSettings(therapistId);
  const weekly = await tx.select().from(weeklyHours).where(eq(weeklyHours.therapistId, therapistId));
  const overrides = await tx.select().from(dateOverrides).where(eq(dateOverrides.therapistId, therapistId));
  // A day either side: a booking's buffers, and the daily limit, reach across the window's edges.
  const active = await tx
    .select({
      startsAt: bookings.startsAt,
      blockedFrom: bookings.blockedFrom,
      blockedUntil: bookings.blockedUntil,
      status: bookings.status,
      expiresAt: bookings.expiresAt,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        holdsItsTimeAt(now),
        gt(bookings.blockedUntil, new Date(window.from - 86_400_000)),
        lt(bookings.blockedFrom, new Date(window.to + 86_400_000)),
        excludeBookingId ? ne(bookings.id, excludeBookingId) : undefined,
      ),
    );
  const around = { from: window.from - 86_400_000, to: window.to + 86_400_000 };
  // The therapist's sessions with clients keep their time from consultations as a busy time does (record 055).
  const busy = [
    ...(await calendarBusyFor(tx, therapistId, around)),
    ...(await scheduledSessionTimes(tx, therapistId, around)),
  ];
  return {
    therapistId,
    therapistName: therapist.displayName,
    settings,
    rules: {
      timeZone: therapist.timeZone,
      weekly: weekly.map((w) => ({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.endMinute })),
      overrides: overrides.map((o) => ({ date: o.date, ranges: o.ranges })),
      durationMinutes: settings.durationMinutes,
      bufferBeforeMinutes: settings.bufferBeforeMinutes,
      bufferAfterMinutes: settings.bufferAfterMinutes,
      minimumNoticeMinutes: minimumNoticeFor(settings),
      horizonDays: settings.horizonDays,
      intervalMinutes: settings.intervalMinutes,
      maxPerDay: settings.maxPerDay,
    },
    bookings: active.map((b) => ({
      start: b.startsAt.getTime(),
      blockedFrom: b.blockedFrom.getTime(),
      blockedUntil: b.blockedUntil.getTime(),
      ...(b.status === "requested" && b.expiresAt ? { heldUntil: b.expiresAt.getTime() } : {}),
    })),
    busy,
  };
}

/** Whether a therapist approves each booking first (record 038). */
export async function approvalRequiredBy(db: Database, therapistId: string): Promise<boolean> {
  const [saved] = await db
    .select({ approvalRequired: bookingSettings.approvalRequired })
    .from(bookingSettings)
    .where(eq(bookingSettings.therapistId, therapistId));
  return saved?.approvalRequired ?? false;
}
