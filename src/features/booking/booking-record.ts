import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { decryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { bookings } from "./booking.schema.ts";
import { bookingSettings } from "./booking-settings.schema.ts";
import { defaultBookingSettings } from "./therapist-availability.ts";
import type { StoredVisitor } from "./visitor-details.ts";

export type BookingRecord = typeof bookings.$inferSelect & {
  visitor: StoredVisitor;
  /** The therapist's words when declining a request; "" when none. */
  declineMessage: string;
  /** The therapist's words with the last change they made; "" when none. */
  practiceMessage: string;
  /** The visitor's words when they cancelled; "" when none. For their therapist only. */
  cancelReason: string;
  therapist: { id: string; name: string; email: string | null; timeZone: string };
  settings: typeof bookingSettings.$inferSelect;
};

export function openVisitor(ring: KeyRing, row: typeof bookings.$inferSelect): StoredVisitor {
  return JSON.parse(
    decryptField(ring, row.visitorEncrypted, { table: "bookings", column: "visitor_encrypted", id: row.id }),
  ) as StoredVisitor;
}

export const declineMessageLocation = (bookingId: string) => ({
  table: "bookings",
  column: "decline_message_encrypted",
  id: bookingId,
});

function openDeclineMessage(ring: KeyRing, row: typeof bookings.$inferSelect): string {
  if (row.declineMessageEncrypted === null) return "";
  return decryptField(ring, row.declineMessageEncrypted, declineMessageLocation(row.id));
}

export const practiceMessageLocation = (bookingId: string) => ({
  table: "bookings",
  column: "practice_message_encrypted",
  id: bookingId,
});

function openPracticeMessage(ring: KeyRing, row: typeof bookings.$inferSelect): string {
  if (row.practiceMessageEncrypted === null) return "";
  return decryptField(ring, row.practiceMessageEncrypted, practiceMessageLocation(row.id));
}

export const cancelReasonLocation = (bookingId: string) => ({
  table: "bookings",
  column: "cancel_reason_encrypted",
  id: bookingId,
});

export function openCancelReason(
  ring: KeyRing,
  row: Pick<typeof bookings.$inferSelect, "id" | "cancelReasonEncrypted">,
): string {
  if (row.cancelReasonEncrypted === null) return "";
  return decryptField(ring, row.cancelReasonEncrypted, cancelReasonLocation(row.id));
}

/** One booking with its visitor's details decrypted and its therapist's settings. */
export async function loadBooking(
  db: Database,
  ring: KeyRing,
  bookingId: string,
): Promise<BookingRecord | undefined> {
  const [row] = await db
    .select({ booking: bookings, therapist: therapists, settings: bookingSettings })
    .from(bookings)
    .innerJoin(therapists, eq(therapists.id, bookings.therapistId))
    .leftJoin(bookingSettings, eq(bookingSettings.therapistId, bookings.therapistId))
    .where(eq(bookings.id, bookingId));
  if (!row) return undefined;
  return {
    ...row.booking,
    visitor: openVisitor(ring, row.booking),
    declineMessage: openDeclineMessage(ring, row.booking),
    practiceMessage: openPracticeMessage(ring, row.booking),
    cancelReason: openCancelReason(ring, row.booking),
    therapist: {
      id: row.therapist.id,
      name: row.therapist.displayName,
      email: row.therapist.email,
      timeZone: row.therapist.timeZone,
    },
    settings: row.settings ?? defaultBookingSettings(row.therapist.id),
  };
}
