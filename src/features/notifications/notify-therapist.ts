import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, sqlState } from "../../platform/db/database.ts";
import { enqueueJob } from "../../platform/jobs/job-queue.ts";
import type { JobHandler } from "../../platform/jobs/job-runner.ts";
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
 * Writes the notification inside the caller's transaction (once per key while it is unseen: marking it
 * seen clears the key, so a new event after that is a new notification; true when new). For changes
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
  /**
   * Records the event for the therapist (once per key while unseen); true when it is new. Never throws:
   * a failure is logged without personal data, so telling the therapist can never turn a person's post
   * (a note in a crisis, say) into an error page.
   */
  notify(db: Database, event: NotificationEvent, now?: Date): Promise<boolean>;
  /** The job that sends an email held back by the hourly limit, once the hour is up. */
  jobHandlers: Record<string, JobHandler>;
};

export const heldEmailJobKind = "notifications.held-email";

/**
 * Tells a therapist that something needs them, without its content. The optional email is one
 * neutral sentence, at most one an hour per therapist (a conditional UPDATE decides, so two instances
 * cannot both send), queued in the same transaction as the notification. A notification that arrives
 * inside the hour queues a job for the hour's end, which sends only if something is still unseen.
 */
export function createNotifier(options: {
  db: Database;
  keys: KeyRing;
  practiceName: string;
  practiceUrl: string;
  logger: Logger;
  /** Wakes the job runner once the email is queued. */
  wake: () => void;
}): Notifier {
  /** Claims this hour's email for the therapist and queues it; false when one went out within the hour. */
  const claimEmail = async (tx: Database, therapistId: string, now: Date): Promise<boolean> => {
    const [due] = await tx
      .update(therapists)
      .set({ notificationEmailSentAt: now })
      .where(
        and(
          eq(therapists.id, therapistId),
          eq(therapists.notifyByEmail, true),
          or(
            isNull(therapists.notificationEmailSentAt),
            lte(therapists.notificationEmailSentAt, new Date(now.getTime() - hourMs)),
          ),
        ),
      )
      .returning({ email: therapists.email });
    if (!due?.email) return false;
    const subject = neutralSubjects.message(options.practiceName);
    await queueEmail(tx, options.keys, plainEmail(due.email, subject, m.email(options.practiceUrl)));
    return true;
  };

  const notify: Notifier["notify"] = async (db, event, now = new Date()) => {
    try {
      let emailQueued = false;
      const created = await db.transaction(async (tx) => {
        if (!(await addNotification(tx, event, now))) return false;
        emailQueued = await claimEmail(tx, event.therapistId, now);
        if (!emailQueued) await holdEmail(tx, event.therapistId);
        return true;
      });
      if (emailQueued) options.wake();
      return created;
    } catch (error) {
      options.logger.error({ kind: event.kind, code: sqlState(error) }, "a therapist notification failed");
      return false;
    }
  };

  /** With email on and the hour not up, an email for the hour's end (it sends only if still needed). */
  const holdEmail = async (tx: Database, therapistId: string) => {
    const [row] = await tx
      .select({ on: therapists.notifyByEmail, sentAt: therapists.notificationEmailSentAt })
      .from(therapists)
      .where(eq(therapists.id, therapistId));
    if (!row?.on || !row.sentAt) return;
    await enqueueJob(
      tx,
      options.keys,
      heldEmailJobKind,
      { therapistId },
      { runAt: new Date(row.sentAt.getTime() + hourMs) },
    );
  };

  const sendHeldEmail: JobHandler = async (payload) => {
    const { therapistId } = payload as { therapistId: string };
    const now = new Date();
    let queued = false;
    await options.db.transaction(async (tx) => {
      const [unseen] = await tx
        .select({ id: therapistNotifications.id })
        .from(therapistNotifications)
        .where(
          and(eq(therapistNotifications.therapistId, therapistId), isNull(therapistNotifications.seenAt)),
        )
        .limit(1);
      if (unseen) queued = await claimEmail(tx, therapistId, now);
    });
    if (queued) options.wake();
  };

  return { notify, jobHandlers: { [heldEmailJobKind]: sendHeldEmail } };
}
