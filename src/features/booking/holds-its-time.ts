import { and, eq, gt, or, type SQL } from "drizzle-orm";
import { bookings } from "./booking.schema.ts";

/**
 * The bookings that keep their time from others at `now`: confirmed ones, and requests not yet past their
 * expiry. The SQL twin of `holdsItsTime(statusAt(…))` (request-expiry.ts): a lapsed request the sweep has
 * not reached yet is already free when slots are offered.
 */
export function holdsItsTimeAt(now: Date): SQL {
  return or(
    eq(bookings.status, "confirmed"),
    and(eq(bookings.status, "requested"), gt(bookings.expiresAt, now)),
  ) as SQL;
}
