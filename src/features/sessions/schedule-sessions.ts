import { randomUUID } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { type Database, sqlState } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import type { BookingMailContext } from "../booking/booking-emails.ts";
import { sessionPageWords } from "./messages.ts";
import { planSessions, type SessionPlan } from "./plan-sessions.ts";
import { therapySessions } from "./session.schema.ts";
import { lockedDiary } from "./session-diary.ts";
import { queueSessionEmails } from "./session-emails.ts";
import { peopleOf, type SessionFor } from "./session-people.ts";
import { planSessionReminder } from "./session-reminders.ts";

const e = sessionPageWords.errors;
const DAY = 86_400_000;

export type ScheduleRequest = {
  therapistId: string;
  for: SessionFor;
  date: string;
  time: string;
  durationMinutes: number;
  weeks: number;
};

/** What went wrong, beside the field it belongs to. */
export type ScheduleProblem = { field: "date" | "time"; message: string };
export type ScheduleOutcome = { ok: true; sessionIds: string[] } | { ok: false; problem: ScheduleProblem };

/** Dates named in a message, in the practice's words ("Monday, 9 March 2026; Monday, 16 March 2026"). */
export function namedDates(dates: string[]): string {
  const format = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return dates
    .map((d) => format.format(Temporal.PlainDate.from(d).toZonedDateTime("UTC").epochMilliseconds))
    .join("; ");
}

export function problemFor(plan: Exclude<SessionPlan, { ok: true }>): ScheduleProblem {
  if (plan.problem === "past") return { field: "date", message: e.past };
  if (plan.problem === "outside-hours")
    return { field: "time", message: e.outsideHours(namedDates(plan.dates)) };
  return { field: "date", message: e.clash(namedDates(plan.dates)) };
}

class Refused extends Error {
  constructor(readonly problem: ScheduleProblem) {
    super(problem.message);
  }
}

/**
 * Books sessions once or weekly, as the booking transaction books a consultation (record 010, 055): lock
 * the therapist, read what is taken, plan (in their hours, nothing in the past, no clash), insert every
 * session or none, and tell the people in the same transaction. The exclusion constraint and the
 * cross-table triggers are the last line of defence; their 23P01 reads as "just taken".
 */
export async function scheduleSessions(
  db: Database,
  ring: KeyRing,
  request: ScheduleRequest,
  mail: BookingMailContext,
  now = new Date(),
): Promise<ScheduleOutcome> {
  const from = Temporal.PlainDate.from(request.date).toZonedDateTime("UTC").epochMilliseconds - DAY;
  const to = from + (request.weeks * 7 + 2) * DAY;
  try {
    return await db.transaction(async (tx) => {
      const diary = await lockedDiary(tx, ring, { therapistId: request.therapistId, from, to, now });
      if (!diary) throw new Error("no such therapist");
      const plan = planSessions({ ...request, ...diary, now: now.getTime() });
      if (!plan.ok) throw new Refused(problemFor(plan));
      const seriesId = randomUUID();
      const rows = [];
      for (const s of plan.sessions) {
        rows.push({
          id: randomUUID(),
          therapistId: request.therapistId,
          clientId: request.for.clientId,
          coupleId: request.for.coupleId,
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          seriesId,
          remindAt: await planSessionReminder(tx, ring, s.start, diary.reminderHours, now),
          createdAt: now,
          updatedAt: now,
        });
      }
      await tx.insert(therapySessions).values(rows);
      const people = await peopleOf(tx, ring, request.for);
      await queueSessionEmails(
        tx,
        ring,
        { kind: "scheduled", sessions: rows.map((r) => ({ ...r, sequence: 0 })) },
        people,
        {
          ...mail,
          zone: diary.zone,
        },
      );
      await recordAudit(tx, {
        actor: `therapist:${request.therapistId}`,
        action: "sessions.scheduled",
        subject: request.for.clientId ? `client:${request.for.clientId}` : `couple:${request.for.coupleId}`,
        detail: { count: rows.length, series: seriesId },
      });
      return { ok: true as const, sessionIds: rows.map((r) => r.id) };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    if (sqlState(error) === "23P01") return { ok: false, problem: { field: "date", message: e.justTaken } };
    throw error;
  }
}
