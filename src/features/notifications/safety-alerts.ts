import { aliasedTable, and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { type NotificationKind, therapistNotifications } from "./notification.schema.ts";
import { notifiedClient } from "./notified-client.ts";

/** The kinds that are safety or self-harm alerts: shown first on the practice home, and to a cover. */
export const safetyKinds = [
  "crisis-words",
  "safety-answer",
  "positive-screen",
  "control-words",
] as const satisfies readonly NotificationKind[];

export const isSafetyKind = (kind: NotificationKind): boolean =>
  (safetyKinds as readonly NotificationKind[]).includes(kind);

export type SafetyAlert = {
  id: string;
  kind: NotificationKind;
  clientId: string | null;
  clientName: string | null;
  bookingId: string | null;
  createdAt: Date;
  /** Set when the alert is an away colleague's, seen here as their cover: whose it is. */
  coveringFor: { id: string; name: string } | null;
};

const away = aliasedTable(therapists, "away_therapist");

/**
 * Unseen safety alerts for this therapist, newest first: their own, and those of any colleague who is
 * away with this therapist named as cover. Who, what kind and when: never the words or the answers.
 */
export async function safetyAlertsFor(
  db: Database,
  ring: KeyRing,
  therapistId: string,
): Promise<SafetyAlert[]> {
  const rows = await db
    .select({
      id: therapistNotifications.id,
      kind: therapistNotifications.kind,
      ownerId: therapistNotifications.therapistId,
      ownerName: away.displayName,
      clientId: therapistNotifications.clientId,
      bookingId: therapistNotifications.bookingId,
      createdAt: therapistNotifications.createdAt,
      nameEncrypted: clients.nameEncrypted,
      erasureRequestedAt: clients.erasureRequestedAt,
    })
    .from(therapistNotifications)
    .innerJoin(away, eq(away.id, therapistNotifications.therapistId))
    .leftJoin(clients, eq(clients.id, therapistNotifications.clientId))
    .where(
      and(
        isNull(therapistNotifications.seenAt),
        inArray(therapistNotifications.kind, [...safetyKinds]),
        or(eq(therapistNotifications.therapistId, therapistId), eq(away.coverTherapistId, therapistId)),
      ),
    )
    .orderBy(desc(therapistNotifications.createdAt), desc(therapistNotifications.id));
  return rows.map((row) => {
    return {
      id: row.id,
      kind: row.kind,
      ...notifiedClient(ring, row),
      bookingId: row.bookingId,
      createdAt: row.createdAt,
      coveringFor: row.ownerId === therapistId ? null : { id: row.ownerId, name: row.ownerName },
    };
  });
}

/** Whose a notification is, its kind, and who covers for its therapist: for the policy. */
export async function notificationForPolicy(db: Database, notificationId: string) {
  const [row] = await db
    .select({
      therapistId: therapistNotifications.therapistId,
      kind: therapistNotifications.kind,
      coverTherapistId: therapists.coverTherapistId,
    })
    .from(therapistNotifications)
    .innerJoin(therapists, eq(therapists.id, therapistNotifications.therapistId))
    .where(eq(therapistNotifications.id, notificationId));
  return row;
}
