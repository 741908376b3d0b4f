import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { bookings } from "../booking/booking.schema.ts";
import { calendarBusyFor } from "../booking/calendar-feeds/calendar-feeds.ts";
import type { Interval } from "../booking/compute-slots.ts";
import { expireOverdueRequests } from "../booking/expire-requests.ts";
import { holdsItsTimeAt } from "../booking/holds-its-time.ts";
import { lockTherapist } from "../booking/lock-therapist.ts";
import { loadAvailability } from "../booking/therapist-availability.ts";
import type { SessionPlanInput } from "./plan-sessions.ts";
import { scheduledSessionTimes } from "./scheduled-session-times.ts";

const DAY = 86_400_000;

/**
 * The therapist's diary for planning sessions, read under their row lock (the booking transaction's lock,
 * record 010): their hours and zone, and every time already taken — consultations with their buffers,
 * other sessions (all but the one being moved) and busy times from their calendars.
 */
export async function lockedDiary(
  tx: Database,
  ring: KeyRing,
  input: { therapistId: string; from: number; to: number; exceptSessionId?: string; now: Date },
): Promise<
  (Pick<SessionPlanInput, "zone" | "weekly" | "overrides" | "taken"> & { reminderHours: number }) | undefined
> {
  const { therapistId, now } = input;
  await lockTherapist(tx, therapistId);
  // A lapsed request the sweep has not reached yet must not stand in the way (nor trip the trigger).
  await expireOverdueRequests(tx, ring, { therapistId }, { now });
  const window = { from: input.from - DAY, to: input.to + DAY };
  const availability = await loadAvailability(tx, therapistId, window, undefined, now);
  if (!availability) return undefined;
  const consultations = await tx
    .select({ from: bookings.blockedFrom, until: bookings.blockedUntil })
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        holdsItsTimeAt(now),
        gt(bookings.blockedUntil, new Date(window.from)),
        lt(bookings.blockedFrom, new Date(window.to)),
      ),
    );
  const taken: Interval[] = [
    ...consultations.map((c) => ({ start: c.from.getTime(), end: c.until.getTime() })),
    ...(await calendarBusyFor(tx, therapistId, window)),
    ...(await scheduledSessionTimes(tx, therapistId, window, input.exceptSessionId)),
  ];
  return {
    zone: availability.rules.timeZone,
    weekly: availability.rules.weekly,
    overrides: availability.rules.overrides,
    taken,
    reminderHours: availability.settings.reminderHours,
  };
}
