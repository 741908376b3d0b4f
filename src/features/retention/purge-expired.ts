import { and, eq, inArray, isNotNull, lt, notExists, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import { jobs } from "../../platform/jobs/job.schema.ts";
import { sessions } from "../../platform/security/sessions/session.schema.ts";
import { clientInvitations, clientSignInLinks, clients, couples } from "../accounts/clients/client.schema.ts";
import { recoveryCodes } from "../accounts/second-factor/recovery-code.schema.ts";
import { therapistLinks } from "../accounts/therapist-link.schema.ts";
import { selfCheckHandoffs } from "../assessments/self-check/self-check-handoff.schema.ts";
import { bookings } from "../booking/booking.schema.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";

/** What the daily purge removed, by kind: counts only, which is all the audit log is told. */
export type PurgeCounts = {
  clients: number;
  bookings: number;
  selfCheckHandoffs: number;
  tokens: number;
  sessions: number;
  jobs: number;
};

/**
 * A used or lapsed link, an ended session or a finished job is kept one more day: the hourly caps on
 * links count the last hour's, and a person who just signed out may still be looking at the page.
 */
const graceMs = 24 * 3600_000;
/** Sent emails (their payloads hold addresses and words) are kept a week, for the log's sake. */
const doneJobDays = 7;
/** An email that could not be sent is listed on the practice home for 30 days; kept a little longer. */
const failedJobDays = 45;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The moment `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const then = new Date(now);
  then.setUTCMonth(then.getUTCMonth() - months);
  return then;
}

/**
 * Clients whose erasure was asked for and whose retention date has passed: the account and every row
 * that belongs to it (the foreign keys cascade; a partner's own rows stay, with the name cleared),
 * their sign-ins and recovery codes, and a couple left with no one in it.
 */
async function purgeRetainedClients(tx: Database, now: Date): Promise<number> {
  const due = await tx
    .select({ id: clients.id, coupleId: clients.coupleId })
    .from(clients)
    .where(and(isNotNull(clients.retainedUntil), lt(clients.retainedUntil, now)));
  if (due.length === 0) return 0;
  const ids = due.map((row) => row.id);
  await tx.delete(sessions).where(and(eq(sessions.accountKind, "client"), inArray(sessions.accountId, ids)));
  await tx
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.accountKind, "client"), inArray(recoveryCodes.accountId, ids)));
  const gone = await tx.delete(clients).where(inArray(clients.id, ids)).returning({ id: clients.id });
  const coupleIds = [...new Set(due.flatMap((row) => (row.coupleId ? [row.coupleId] : [])))];
  if (coupleIds.length > 0)
    await tx
      .delete(couples)
      .where(
        and(
          inArray(couples.id, coupleIds),
          notExists(tx.select({ id: clients.id }).from(clients).where(eq(clients.coupleId, couples.id))),
        ),
      );
  return gone.length;
}

/** Visitors' consultations (whatever became of them) ended more than the retention period ago. */
async function purgeOldBookings(tx: Database, before: Date): Promise<number> {
  const gone = await tx.delete(bookings).where(lt(bookings.endsAt, before)).returning({ id: bookings.id });
  if (gone.length === 0) return 0;
  // "Needs you" entries that pointed at them would lead nowhere.
  await tx.delete(therapistNotifications).where(
    inArray(
      therapistNotifications.bookingId,
      gone.map((row) => row.id),
    ),
  );
  return gone.length;
}

async function purgeHandoffs(tx: Database, now: Date): Promise<number> {
  const gone = await tx
    .delete(selfCheckHandoffs)
    .where(lt(selfCheckHandoffs.expiresAt, now))
    .returning({ id: selfCheckHandoffs.id });
  return gone.length;
}

/** Sign-in links, invitations and password links that were used, or lapsed, more than a day ago. */
async function purgeTokens(tx: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - graceMs);
  const ended = (usedAt: AnyPgColumn, expiresAt: AnyPgColumn) =>
    or(lt(usedAt, before), lt(expiresAt, before));
  const links = await tx
    .delete(clientSignInLinks)
    .where(ended(clientSignInLinks.usedAt, clientSignInLinks.expiresAt))
    .returning({ id: clientSignInLinks.tokenHash });
  const invitations = await tx
    .delete(clientInvitations)
    .where(ended(clientInvitations.acceptedAt, clientInvitations.expiresAt))
    .returning({ id: clientInvitations.id });
  const therapist = await tx
    .delete(therapistLinks)
    .where(ended(therapistLinks.usedAt, therapistLinks.expiresAt))
    .returning({ id: therapistLinks.tokenHash });
  return links.length + invitations.length + therapist.length;
}

/** Sessions ended (signed out, timed out idle, or past their absolute limit) more than a day ago. */
async function purgeSessions(tx: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - graceMs);
  const gone = await tx
    .delete(sessions)
    .where(
      or(
        lt(sessions.endedAt, before),
        lt(sessions.expiresAt, before),
        sql`${sessions.lastSeenAt} + make_interval(secs => ${sessions.idleSeconds}) < ${before}`,
      ),
    )
    .returning({ id: sessions.tokenHash });
  return gone.length;
}

/** Finished jobs: sent emails after a week, ones that could not be sent after the home stops listing them. */
async function purgeJobs(tx: Database, now: Date): Promise<number> {
  const gone = await tx
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, "done"), lt(jobs.finishedAt, daysBefore(now, doneJobDays))),
        and(eq(jobs.status, "failed"), lt(jobs.finishedAt, daysBefore(now, failedJobDays))),
      ),
    )
    .returning({ id: jobs.id });
  return gone.length;
}

/**
 * Deletes everything past the time Haven keeps it. Each kind goes in its own transaction with its
 * audit entry (how many, never which or what), so both happen or neither. Safe to run twice, or on two
 * instances at once: a second run finds nothing left to delete.
 */
export async function purgeExpired(
  db: Database,
  policy: { bookingRetentionMonths: number },
  now = new Date(),
): Promise<PurgeCounts> {
  const kinds: [keyof PurgeCounts, (tx: Database) => Promise<number>][] = [
    ["clients", (tx) => purgeRetainedClients(tx, now)],
    ["bookings", (tx) => purgeOldBookings(tx, monthsBefore(now, policy.bookingRetentionMonths))],
    ["selfCheckHandoffs", (tx) => purgeHandoffs(tx, now)],
    ["tokens", (tx) => purgeTokens(tx, now)],
    ["sessions", (tx) => purgeSessions(tx, now)],
    ["jobs", (tx) => purgeJobs(tx, now)],
  ];
  const counts: PurgeCounts = {
    clients: 0,
    bookings: 0,
    selfCheckHandoffs: 0,
    tokens: 0,
    sessions: 0,
    jobs: 0,
  };
  for (const [kind, purge] of kinds) {
    counts[kind] = await db.transaction(async (tx) => {
      const count = await purge(tx);
      if (count > 0)
        await recordAudit(tx, { actor: "system", action: "retention.purged", detail: { kind, count } });
      return count;
    });
  }
  return counts;
}
