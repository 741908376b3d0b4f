import { and, eq, gt, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingMailContext } from "../booking/booking-emails.ts";
import { lockTherapist } from "../booking/lock-therapist.ts";
import { sessionPageWords } from "./messages.ts";
import { planSessions } from "./plan-sessions.ts";
import { problemFor, type ScheduleProblem } from "./schedule-sessions.ts";
import { therapySessions } from "./session.schema.ts";
import { lockedDiary } from "./session-diary.ts";
import { queueSessionEmails } from "./session-emails.ts";
import { peopleOf, type SessionFor } from "./session-people.ts";
import { planSessionReminder } from "./session-reminders.ts";

const DAY = 86_400_000;

export type ChangeOutcome =
  | { ok: true; session: typeof therapySessions.$inferSelect }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; problem: ScheduleProblem };

class Refused extends Error {
  constructor(readonly outcome: ChangeOutcome) {
    super("refused");
  }
}

/** This therapist's own session, still ahead and scheduled; anyone else's reads as none. */
async function upcomingSession(tx: Database, therapistId: string, sessionId: string, now: Date) {
  const [row] = await tx
    .select()
    .from(therapySessions)
    .where(
      and(
        eq(therapySessions.id, sessionId),
        eq(therapySessions.therapistId, therapistId),
        eq(therapySessions.status, "scheduled"),
        gt(therapySessions.startsAt, now),
      ),
    );
  return row;
}

/** Cancels one session and tells its people, with the calendar event cancelled (same UID, higher SEQUENCE). */
export async function cancelSession(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; sessionId: string },
  mail: BookingMailContext & { zone: string },
  now = new Date(),
): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    await lockTherapist(tx, input.therapistId);
    const row = await upcomingSession(tx, input.therapistId, input.sessionId, now);
    if (!row) return { ok: false as const, reason: "not-found" as const };
    const [cancelled] = await tx
      .update(therapySessions)
      .set({
        status: "cancelled",
        sequence: sql`${therapySessions.sequence} + 1`,
        remindAt: null,
        updatedAt: now,
      })
      .where(eq(therapySessions.id, row.id))
      .returning();
    if (!cancelled) throw new Error("session vanished under the lock");
    await queueSessionEmails(
      tx,
      ring,
      { kind: "cancelled", session: cancelled },
      await peopleOf(tx, ring, row as SessionFor),
      mail,
      now,
    );
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "session.cancelled",
      subject: `session:${row.id}`,
    });
    return { ok: true as const, session: cancelled };
  });
}

/** Moves one session to a new date and time, by the same rules as booking it. */
export async function moveSession(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; sessionId: string; date: string; time: string },
  mail: BookingMailContext,
  now = new Date(),
): Promise<ChangeOutcome> {
  const from = Temporal.PlainDate.from(input.date).toZonedDateTime("UTC").epochMilliseconds - DAY;
  try {
    return await db.transaction(async (tx) => {
      const diary = await lockedDiary(tx, ring, {
        therapistId: input.therapistId,
        from,
        to: from + 3 * DAY,
        exceptSessionId: input.sessionId,
        now,
      });
      const row = await upcomingSession(tx, input.therapistId, input.sessionId, now);
      if (!diary || !row) throw new Refused({ ok: false, reason: "not-found" });
      const minutes = (row.endsAt.getTime() - row.startsAt.getTime()) / 60_000;
      const plan = planSessions({
        ...input,
        ...diary,
        durationMinutes: minutes,
        weeks: 1,
        now: now.getTime(),
      });
      if (!plan.ok) throw new Refused({ ok: false, reason: "invalid", problem: problemFor(plan) });
      const start = plan.sessions[0]?.start as number;
      const [moved] = await tx
        .update(therapySessions)
        .set({
          startsAt: new Date(start),
          endsAt: new Date(start + minutes * 60_000),
          sequence: sql`${therapySessions.sequence} + 1`,
          remindAt: await planSessionReminder(tx, ring, start, diary.reminderHours, now),
          reminderSentAt: null,
          updatedAt: now,
        })
        .where(eq(therapySessions.id, row.id))
        .returning();
      if (!moved) throw new Error("session vanished under the lock");
      const people = await peopleOf(tx, ring, row as SessionFor);
      await queueSessionEmails(
        tx,
        ring,
        { kind: "moved", session: moved, from: row.startsAt },
        people,
        { ...mail, zone: diary.zone },
        now,
      );
      await recordAudit(tx, {
        actor: `therapist:${input.therapistId}`,
        action: "session.moved",
        subject: `session:${row.id}`,
      });
      return { ok: true as const, session: moved };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    if (sqlState(error) === "23P01")
      return {
        ok: false,
        reason: "invalid",
        problem: { field: "date", message: sessionPageWords.errors.justTaken },
      };
    throw error;
  }
}
