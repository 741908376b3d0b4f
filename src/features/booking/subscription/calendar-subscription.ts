import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { neutralSubjects } from "../../../platform/mail/neutral-subjects.ts";
import { decryptField, encryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import { sessionFeedEvents } from "../../sessions/session-feed-events.ts";
import { bookings } from "../booking.schema.ts";
import { meetingPlace } from "../booking-emails.ts";
import { openVisitor } from "../booking-record.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { calendarFeed, type FeedEvent } from "../calendar-file.ts";
import { holdsItsTimeAt } from "../holds-its-time.ts";
import { lockTherapist } from "../lock-therapist.ts";
import { defaultBookingSettings } from "../therapist-availability.ts";
import { calendarSubscriptions } from "./calendar-subscription.schema.ts";
import { initials } from "./initials.ts";

const DAY = 86_400_000;
const secretLocation = (id: string) => ({ table: "calendar_subscriptions", column: "secret_encrypted", id });
const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export type Subscription = { secret: string; createdAt: Date; lastReadAt: Date | null };

/** The therapist's subscription, if they have one, with its secret to build the address from. */
export async function subscriptionOf(
  db: Database,
  ring: KeyRing,
  therapistId: string,
): Promise<Subscription | undefined> {
  const [row] = await db
    .select()
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.therapistId, therapistId));
  if (!row) return undefined;
  return {
    secret: decryptField(ring, row.secretEncrypted, secretLocation(row.id)),
    createdAt: row.createdAt,
    lastReadAt: row.lastReadAt,
  };
}

/** A new address, replacing any old one in the same transaction: the old address stops working at once. */
export async function replaceSubscription(db: Database, ring: KeyRing, therapistId: string): Promise<string> {
  const id = crypto.randomUUID();
  const secret = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    // Two presses at once take turns here, rather than both inserting and one failing on the unique key.
    await lockTherapist(tx, therapistId);
    await tx.delete(calendarSubscriptions).where(eq(calendarSubscriptions.therapistId, therapistId));
    await tx.insert(calendarSubscriptions).values({
      id,
      therapistId,
      secretEncrypted: encryptField(ring, secret, secretLocation(id)),
      secretDigest: digest(secret),
    });
  });
  return secret;
}

/** Stops the address working. Returns whether there was one. */
export async function revokeSubscription(db: Database, therapistId: string): Promise<boolean> {
  const gone = await db
    .delete(calendarSubscriptions)
    .where(eq(calendarSubscriptions.therapistId, therapistId))
    .returning({ id: calendarSubscriptions.id });
  return gone.length > 0;
}

/** Whose address this is, noting the read. Undefined for any secret that is not a live address. */
export async function therapistForSecret(
  db: Database,
  secret: string,
  now: Date,
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const [row] = await db
    .update(calendarSubscriptions)
    .set({ lastReadAt: now })
    .where(eq(calendarSubscriptions.secretDigest, digest(secret)))
    .returning({ therapistId: calendarSubscriptions.therapistId });
  return row?.therapistId;
}

/**
 * The therapist's consultations as a subscription feed: a month back to the furthest anyone can book,
 * confirmed ones and requests still waiting (tentative). Titled neutrally with initials only — a phone
 * shows its calendar on the lock screen — and nothing else about the visitor: no name, email, phone,
 * note or kind of consultation. The details stay in Haven, behind the therapist's sign-in.
 */
export async function consultationsFeed(
  db: Database,
  ring: KeyRing,
  input: {
    therapistId: string;
    now: Date;
    practiceName: string;
    publicHost: string;
    consultationsUrl: string;
  },
): Promise<string> {
  const { therapistId, now } = input;
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        holdsItsTimeAt(now),
        gt(bookings.startsAt, new Date(now.getTime() - 31 * DAY)),
        lt(bookings.startsAt, new Date(now.getTime() + 400 * DAY)),
      ),
    )
    .orderBy(bookings.startsAt);
  const [saved] = await db.select().from(bookingSettings).where(eq(bookingSettings.therapistId, therapistId));
  const settings = saved ?? defaultBookingSettings(therapistId);
  const events: FeedEvent[] = rows.map((row) => {
    const who = initials(openVisitor(ring, row).name);
    const confirmed = row.status === "confirmed";
    const place = meetingPlace({ meeting: row.meeting, settings });
    return {
      // The same UID as the visitor's own invitation: it is the same consultation.
      uid: `${row.id}@${input.publicHost}`,
      sequence: row.sequence,
      start: row.startsAt.getTime(),
      end: row.endsAt.getTime(),
      stamp: now.getTime(),
      // The title every calendar of Haven's carries (DESIGN, HAZ-006), with the initials the issue asks for
      // so the therapist can tell consultations apart (record 042).
      title: `${neutralSubjects.appointment(input.practiceName)} · ${who}${confirmed ? "" : " (not confirmed yet)"}`,
      status: confirmed ? "CONFIRMED" : "TENTATIVE",
      ...(place ? { location: place } : {}),
      description: `${row.meeting === "video" ? "Video" : "Phone"} consultation. The details are in Haven.`,
      url: input.consultationsUrl,
    };
  });
  // The therapist's sessions with clients are in the same feed: one calendar of their working time (record 055).
  const sessions = await sessionFeedEvents(db, { ...input, url: input.consultationsUrl });
  return calendarFeed({
    name: "Consultations",
    events: [...events, ...sessions].sort((a, b) => a.start - b.start),
  });
}
