import { and, count, eq, gt, isNotNull } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { bookings } from "../booking.schema.ts";
import { calendarFeeds } from "../calendar-feeds/calendar-feed.schema.ts";

export type BookingAttention = { waitingRequests: number; failingCalendars: number };

/**
 * What in booking needs the therapist, for their practice home: requests still waiting for an answer
 * (they lapse if nobody answers) and calendars whose last read failed (their busy times may be out of
 * date), so neither goes unnoticed by someone who rarely opens those pages.
 */
export async function bookingAttention(
  db: Database,
  therapistId: string,
  now = new Date(),
): Promise<BookingAttention> {
  const [waiting] = await db
    .select({ n: count() })
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        eq(bookings.status, "requested"),
        gt(bookings.expiresAt, now),
      ),
    );
  const [failing] = await db
    .select({ n: count() })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.therapistId, therapistId), isNotNull(calendarFeeds.lastError)));
  return { waitingRequests: waiting?.n ?? 0, failingCalendars: failing?.n ?? 0 };
}
