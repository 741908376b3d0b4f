import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { queueEmail } from "../../platform/mail/email-job.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import { plainEmail } from "../../platform/mail/plain-email.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { notificationMessages as m } from "./messages.ts";
import { type NotificationKind, therapistNotifications } from "./notification.schema.ts";

export type NotificationEvent = {
  therapistId: string;
  kind: NotificationKind;
  clientId?: string | null;
  bookingId?: string | null;
  /** Events with the same key make one notification (see `hourly`). */
  dedupeKey: string;
};

const hourMs = 60 * 60 * 1000;

/** A key that repeats within the clock hour: at most one such notification an hour. */
export function hourly(parts: string[], now: Date): string {
  return [...parts, Math.floor(now.getTime() / hourMs)].join(":");
}

/**
 * Writes the notification inside the caller's transaction (once per key; true when new). For changes
 * that already tell the therapist by email of their own, such as a consultation request.
 */
export async function addNotification(
  tx: Database,
  event: NotificationEvent,
  now = new Date(),
): Promise<boolean> {
  const rows = await tx
    .insert(therapistNotifications)
    .values({
      therapistId: event.therapistId,
      clientId: event.clientId ?? null,
      kind: event.kind,
      bookingId: event.bookingId ?? null,
      dedupeKey: event.dedupeKey,
      createdAt: now,
    })
    .onConflictDoNothing({ target: therapistNotifications.dedupeKey })
    .returning({ id: therapistNotifications.id });
  return rows.length > 0;
}

export type Notifier = {
  /** Records the event for the therapist (once per key); true when it is new. */
  notify(db: Database, event: NotificationEvent, now?: Date): Promise<boolean>;
};

/**
 * Tells a therapist that something needs them, without its content. The optional email is one
 * neutral sentence, at most one an hour per therapist (a conditional UPDATE decides, so two instances
 * cannot both send), queued in the same transaction as the notification.
 */
export function createNotifier(options: {
  keys: KeyRing;
  practiceName: string;
  practiceUrl: string;
  /** Wakes the job runner once the email is queued. */
  wake: () => void;
}): Notifier {
  return {
    async notify(db, event, now = new Date()) {
      let emailQueued = false;
      const created = await db.transaction(async (tx) => {
        if (!(await addNotification(tx, event, now))) return false;
        const [due] = await tx
          .update(therapists)
          .set({ notificationEmailSentAt: now })
          .where(
            and(
              eq(therapists.id, event.therapistId),
              eq(therapists.notifyByEmail, true),
              or(
                isNull(therapists.notificationEmailSentAt),
                lte(therapists.notificationEmailSentAt, new Date(now.getTime() - hourMs)),
              ),
            ),
          )
          .returning({ email: therapists.email });
        if (due?.email) {
          const subject = neutralSubjects.message(options.practiceName);
          await queueEmail(tx, options.keys, plainEmail(due.email, subject, m.email(options.practiceUrl)));
          emailQueued = true;
        }
        return true;
      });
      if (emailQueued) options.wake();
      return created;
    },
  };
}
