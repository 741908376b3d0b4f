import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { bookings } from "../booking/booking.schema.ts";
import { type NotificationKind, therapistNotifications } from "./notification.schema.ts";
import { notifiedClient } from "./notified-client.ts";
import { safetyKinds } from "./safety-alerts.ts";

export type NeedsYouItem = {
  id: string;
  kind: NotificationKind;
  /** The client's name; null for a visitor or a client who has since been erased. */
  clientName: string | null;
  clientId: string | null;
  bookingId: string | null;
  createdAt: Date;
};

/** What needs this therapist, newest first: every notification nobody has marked seen. */
export async function needsYou(db: Database, ring: KeyRing, therapistId: string): Promise<NeedsYouItem[]> {
  const rows = await db
    .select({
      id: therapistNotifications.id,
      kind: therapistNotifications.kind,
      clientId: therapistNotifications.clientId,
      bookingId: therapistNotifications.bookingId,
      createdAt: therapistNotifications.createdAt,
      nameEncrypted: clients.nameEncrypted,
      erasureRequestedAt: clients.erasureRequestedAt,
      bookingStatus: bookings.status,
    })
    .from(therapistNotifications)
    .leftJoin(clients, eq(clients.id, therapistNotifications.clientId))
    .leftJoin(bookings, eq(bookings.id, therapistNotifications.bookingId))
    .where(and(eq(therapistNotifications.therapistId, therapistId), isNull(therapistNotifications.seenAt)))
    .orderBy(desc(therapistNotifications.createdAt), desc(therapistNotifications.id));
  // A request answered, withdrawn or lapsed since no longer waits: its notice goes by itself.
  const current = rows.filter((row) => row.kind !== "request-waiting" || row.bookingStatus === "requested");
  return current.map((row) => {
    return {
      id: row.id,
      kind: row.kind,
      ...notifiedClient(ring, row),
      bookingId: row.bookingId,
      createdAt: row.createdAt,
    };
  });
}

/**
 * Marks a notification seen, recording who saw it (audited): the therapist's own, or a safety alert of an
 * away colleague who named them as cover. Returns its kind; undefined when there is no such unseen one.
 */
export async function markSeen(
  db: Database,
  input: { therapistId: string; notificationId: string },
  now = new Date(),
): Promise<NotificationKind | undefined> {
  const coveredByMe = db
    .select({ id: therapists.id })
    .from(therapists)
    .where(eq(therapists.coverTherapistId, input.therapistId));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(therapistNotifications)
      // Clearing the key lets the same kind of event, later in the hour, make a new notification.
      .set({ seenAt: now, seenBy: input.therapistId, dedupeKey: null })
      .where(
        and(
          eq(therapistNotifications.id, input.notificationId),
          isNull(therapistNotifications.seenAt),
          or(
            eq(therapistNotifications.therapistId, input.therapistId),
            and(
              inArray(therapistNotifications.kind, [...safetyKinds]),
              inArray(therapistNotifications.therapistId, coveredByMe),
            ),
          ),
        ),
      )
      .returning({
        kind: therapistNotifications.kind,
        clientId: therapistNotifications.clientId,
        ownerId: therapistNotifications.therapistId,
      });
    if (!row) return undefined;
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "notification.seen",
      subject: row.clientId ? `client:${row.clientId}` : `notification:${input.notificationId}`,
      detail:
        row.ownerId === input.therapistId ? { kind: row.kind } : { kind: row.kind, coverFor: row.ownerId },
    });
    return row.kind;
  });
}

export async function setNotificationEmail(db: Database, therapistId: string, on: boolean): Promise<void> {
  await db.update(therapists).set({ notifyByEmail: on }).where(eq(therapists.id, therapistId));
}

export async function notifyByEmailOf(db: Database, therapistId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: therapists.notifyByEmail })
    .from(therapists)
    .where(eq(therapists.id, therapistId));
  return row?.on ?? false;
}
