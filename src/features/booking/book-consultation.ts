import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { encryptField, type KeyRing } from "../../platform/security/field-encryption.ts";
import { lookupCandidates, lookupHash } from "../../platform/security/lookup-hash.ts";
import { containsCrisisWords } from "../assessments/self-check/crisis-words.ts";
import { addNotification } from "../notifications/notify-therapist.ts";
import { bookings } from "./booking.schema.ts";
import { type BookingMailContext, queueBookingEmails } from "./booking-emails.ts";
import { scheduleRequestExpiry } from "./booking-jobs.ts";
import { loadBooking } from "./booking-record.ts";
import { blockedRange, computeSlots, type Slot } from "./compute-slots.ts";
import { expireOverdueRequests } from "./expire-requests.ts";
import { holdsItsTimeAt } from "./holds-its-time.ts";
import { lockTherapist } from "./lock-therapist.ts";
import { nearestSlots } from "./nearest-slots.ts";
import { planReminder } from "./reminders/send-reminders.ts";
import { type BookingStatus, requestExpiresAt } from "./request-expiry.ts";
import { loadAvailability } from "./therapist-availability.ts";
import type { StoredVisitor } from "./visitor-details.ts";

/** Future bookings one email address may hold at once: enough for a couple's two, not for a flood. */
export const bookingsPerEmail = 2;

export type BookingRequest = {
  therapistId: string;
  start: number;
  kind: "individual" | "couple" | "unsure";
  meeting: "video" | "phone";
  visitor: StoredVisitor;
  visitorTimeZone: string;
  submissionId: string;
  /** The form held words that may mean the visitor is in danger (the note itself may not be kept). */
  crisisWords?: boolean;
};

export type BookingOutcome =
  | { ok: true; bookingId: string; repeated: boolean; status: BookingStatus }
  | { ok: false; reason: "taken" | "not-offered"; alternatives: Slot[] }
  | { ok: false; reason: "too-many" };

class Refused extends Error {
  constructor(readonly outcome: BookingOutcome) {
    super(outcome.ok ? "ok" : outcome.reason);
  }
}

/**
 * Books a consultation exactly as decision record 010 says: lock the therapist's row, recompute the
 * times offered around the requested start and refuse any start not among them, check the cap per
 * email, then insert; the exclusion constraint (record 009) is the last line of defence. A repeated
 * submit (same submission id) gets the booking it already made. When the therapist approves first, the
 * booking is a request that holds its time until answered or expired (record 038).
 */
export async function bookConsultation(
  db: Database,
  ring: KeyRing,
  request: BookingRequest,
  now = new Date(),
  /** Without it (some tests), no email is queued. */
  mail?: BookingMailContext,
): Promise<BookingOutcome> {
  const existing = await bookingBySubmission(db, ring, request);
  if (existing) return existing;
  const window = { from: request.start - 2 * 86_400_000, to: request.start + 2 * 86_400_000 };
  try {
    return await db.transaction(async (tx) => {
      await lockTherapist(tx, request.therapistId);
      // A lapsed request the sweep has not reached yet must not stand in the way (nor trip the constraint).
      await expireOverdueRequests(tx, ring, { therapistId: request.therapistId }, { now, mail });
      const availability = await loadAvailability(tx, request.therapistId, window, undefined, now);
      if (!availability?.settings.acceptsBookings)
        throw new Refused({ ok: false, reason: "not-offered", alternatives: [] });
      const offered = computeSlots({
        rules: availability.rules,
        bookings: availability.bookings,
        busy: availability.busy,
        now: now.getTime(),
        ...window,
      });
      const slot = offered.find((s) => s.start === request.start);
      if (!slot) {
        // Was it a real time that someone has just taken, or never a time we offered?
        const unbooked = computeSlots({
          rules: availability.rules,
          // A time the therapist's own calendar has just filled reads as taken too: the nearest are offered.
          bookings: [],
          busy: [],
          now: now.getTime(),
          ...window,
        });
        const reason = unbooked.some((s) => s.start === request.start) ? "taken" : "not-offered";
        throw new Refused({ ok: false, reason, alternatives: nearestSlots(offered, request.start) });
      }
      const held = await futureBookingsOf(tx, ring, request.visitor.email, now);
      if (held >= bookingsPerEmail) throw new Refused({ ok: false, reason: "too-many" });

      const id = randomUUID();
      const blocked = blockedRange(slot, availability.rules);
      const { approvalRequired, requestExpiryHours } = availability.settings;
      const expiresAt = approvalRequired
        ? new Date(requestExpiresAt(now.getTime(), slot.start, requestExpiryHours))
        : null;
      const status: BookingStatus = expiresAt ? "requested" : "confirmed";
      // A request is reminded of only once it is approved (answer-request.ts).
      const reminder =
        status === "confirmed"
          ? await planReminder(
              tx,
              ring,
              {
                start: slot.start,
                reminderHours: availability.settings.reminderHours,
                contactBy: request.visitor.contactBy,
              },
              now,
            )
          : {};
      await tx.insert(bookings).values({
        ...reminder,
        id,
        therapistId: request.therapistId,
        status,
        expiresAt,
        kind: request.kind,
        meeting: request.meeting,
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        blockedFrom: new Date(blocked.start),
        blockedUntil: new Date(blocked.end),
        visitorEncrypted: encryptField(ring, JSON.stringify(request.visitor), {
          table: "bookings",
          column: "visitor_encrypted",
          id,
        }),
        visitorEmailLookup: lookupHash(ring, request.visitor.email),
        visitorTimeZone: request.visitorTimeZone,
        submissionId: request.submissionId,
        createdAt: now,
        updatedAt: now,
      });
      if (expiresAt) {
        await scheduleRequestExpiry(tx, ring, expiresAt);
        await addNotification(
          tx,
          {
            therapistId: request.therapistId,
            kind: "request-waiting",
            bookingId: id,
            dedupeKey: `request:${id}`,
          },
          now,
        );
      }
      // Words in the note that may mean the visitor is in danger: the therapist is told, never the words.
      if (request.crisisWords || containsCrisisWords(request.visitor.note)) {
        await addNotification(
          tx,
          {
            therapistId: request.therapistId,
            kind: "crisis-words",
            bookingId: id,
            dedupeKey: `crisis-words:${id}`,
          },
          now,
        );
      }
      if (mail) {
        const record = await loadBooking(tx, ring, id);
        if (record) await queueBookingEmails(tx, ring, expiresAt ? "requested" : "booked", record, mail);
      }
      return { ok: true as const, bookingId: id, repeated: false, status };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    // Another instance (or a path that skipped the lock) got there first: the constraint said no.
    if (sqlState(error) === "23P01") return { ok: false, reason: "taken", alternatives: [] };
    if (sqlState(error) === "23505") {
      const first = await bookingBySubmission(db, ring, request);
      if (first) return first;
    }
    throw error;
  }
}

/**
 * The booking a submission id already made: the same booking again only for the same email address
 * (a repeated submit); anyone else who sends that id is told the time was taken, never given its
 * manage link.
 */
async function bookingBySubmission(
  db: Database,
  ring: KeyRing,
  request: BookingRequest,
): Promise<BookingOutcome | undefined> {
  const [row] = await db
    .select({ bookingId: bookings.id, status: bookings.status, emailLookup: bookings.visitorEmailLookup })
    .from(bookings)
    .where(eq(bookings.submissionId, request.submissionId));
  if (!row) return undefined;
  if (!lookupCandidates(ring, request.visitor.email).includes(row.emailLookup))
    return { ok: false, reason: "taken", alternatives: [] };
  return { ok: true, bookingId: row.bookingId, status: row.status, repeated: true };
}

/** Future bookings that still hold a time for this email address (lapsed requests do not count). */
async function futureBookingsOf(tx: Database, ring: KeyRing, email: string, now: Date): Promise<number> {
  const [held] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        inArray(bookings.visitorEmailLookup, lookupCandidates(ring, email)),
        holdsItsTimeAt(now),
        gt(bookings.startsAt, now),
      ),
    );
  return held?.count ?? 0;
}
