import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/test-database.ts";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import type { Database, DatabaseHandle } from "../../platform/db/database.ts";
import { resultRows } from "../../platform/db/result-rows.ts";
import { jobs } from "../../platform/jobs/job.schema.ts";
import { JobRunner } from "../../platform/jobs/job-runner.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { secretKeys } from "../../platform/security/secret-key.ts";
import { sessions } from "../../platform/security/sessions/session.schema.ts";
import { clientInvitations, clientSignInLinks, clients, couples } from "../accounts/clients/client.schema.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { therapistLinks } from "../accounts/therapist-link.schema.ts";
import { selfCheckHandoffs } from "../assessments/self-check/self-check-handoff.schema.ts";
import { bookings } from "../booking/booking.schema.ts";
import { therapistNotifications } from "../notifications/notification.schema.ts";
import { workspaceEntries } from "../workspace/entry.schema.ts";
import { purgeExpired } from "./purge-expired.ts";
import { retentionJob, retentionJobKind } from "./retention-job.ts";

const ring: KeyRing = { current: secretKeys("r".repeat(64)) };
const now = new Date("2027-03-15T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const hour = 3600_000;
const day = 24 * hour;

let handle: DatabaseHandle;
let db: Database;
beforeAll(async () => {
  handle = await openTestDatabase();
  db = handle.db;
});
afterAll(() => handle.close());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

async function addBooking(
  therapistId: string,
  endsAt: Date,
  status: "confirmed" | "cancelled" = "confirmed",
) {
  const id = randomUUID();
  const startsAt = new Date(endsAt.getTime() - hour / 2);
  await db.insert(bookings).values({
    id,
    therapistId,
    status,
    kind: "individual",
    meeting: "video",
    startsAt,
    endsAt,
    blockedFrom: startsAt,
    blockedUntil: endsAt,
    visitorEncrypted: "sealed",
    visitorEmailLookup: `lookup-${id}`,
    visitorTimeZone: "Europe/London",
    submissionId: randomUUID(),
  });
  return id;
}

describe("the daily retention purge", () => {
  it("deletes what is past its time, keeps everything else, and audits counts only", async () => {
    const [therapist] = await db
      .insert(therapists)
      .values({ displayName: "T", timeZone: "Europe/London", email: "t@retention.test" })
      .returning();
    const tId = therapist?.id as string;
    const [couple] = await db.insert(couples).values({ therapistId: tId }).returning();
    const client = (name: string, coupleId: string | null, retainedUntil: Date | null) =>
      db
        .insert(clients)
        .values({
          therapistId: tId,
          coupleId,
          nameEncrypted: name,
          emailEncrypted: name,
          emailLookup: `lookup-${name}`,
          status: retainedUntil ? "closed" : "active",
          retainedUntil,
        })
        .returning({ id: clients.id });
    const [erased] = await client("erased", couple?.id ?? null, ago(day));
    const [partner] = await client("partner", couple?.id ?? null, null);
    const [stillKept] = await client("kept", null, new Date(now.getTime() + day));
    const [lone] = await db.insert(couples).values({ therapistId: tId }).returning();
    const [alone] = await client("alone", lone?.id ?? null, ago(hour));
    for (const c of [erased, partner, stillKept, alone])
      await db.insert(workspaceEntries).values({ clientId: c?.id as string, bodyEncrypted: "sealed" });
    const session = (accountId: string, fields: Partial<typeof sessions.$inferInsert>) =>
      db.insert(sessions).values({
        tokenHash: randomUUID(),
        accountKind: "client",
        accountId,
        expiresAt: new Date(now.getTime() + day),
        lastSeenAt: ago(hour),
        idleSeconds: 30 * 24 * 3600,
        deviceLabel: "Firefox on Linux",
        ...fields,
      });
    const pId = partner?.id as string;
    await session(pId, {});
    await session(pId, { endedAt: ago(2 * day) });
    await session(pId, { endedAt: ago(hour) });
    await session(pId, { expiresAt: ago(2 * day) });
    await session(pId, { lastSeenAt: ago(3 * day), idleSeconds: 1800 });
    await session(erased?.id as string, {});
    const link = (fields: Partial<typeof clientSignInLinks.$inferInsert>) =>
      db
        .insert(clientSignInLinks)
        .values({ tokenHash: randomUUID(), clientId: pId, expiresAt: now, ...fields });
    await link({ expiresAt: ago(2 * day) });
    await link({ usedAt: ago(2 * day), expiresAt: ago(2 * day - hour) });
    await link({ expiresAt: new Date(now.getTime() + hour) });
    await link({ usedAt: ago(hour), expiresAt: new Date(now.getTime() + hour) });
    await db.insert(clientInvitations).values([
      { clientId: pId, tokenHash: randomUUID(), expiresAt: ago(2 * day) },
      { clientId: pId, tokenHash: randomUUID(), expiresAt: new Date(now.getTime() + day) },
    ]);
    await db.insert(therapistLinks).values([
      { tokenHash: randomUUID(), therapistId: tId, purpose: "reset", expiresAt: ago(2 * day) },
      {
        tokenHash: randomUUID(),
        therapistId: tId,
        purpose: "join",
        expiresAt: new Date(now.getTime() + day),
      },
    ]);
    await db.insert(selfCheckHandoffs).values([
      { summaryEncrypted: "sealed", expiresAt: ago(1) },
      { summaryEncrypted: "sealed", expiresAt: new Date(now.getTime() + hour) },
    ]);
    const old = await addBooking(tId, ago(400 * day));
    const oldCancelled = await addBooking(tId, ago(370 * day), "cancelled");
    const recent = await addBooking(tId, ago(300 * day));
    const future = await addBooking(tId, new Date(now.getTime() + 3 * day));
    await db.insert(therapistNotifications).values([
      { therapistId: tId, kind: "request-waiting", bookingId: old },
      { therapistId: tId, kind: "request-waiting", bookingId: recent },
    ]);
    const job = (status: "done" | "failed" | "pending", finishedAt: Date | null) =>
      db
        .insert(jobs)
        .values({ id: randomUUID(), kind: "email", payloadEncrypted: "sealed", status, finishedAt });
    await job("done", ago(8 * day));
    await job("done", ago(day));
    await job("failed", ago(50 * day));
    await job("failed", ago(10 * day));
    await job("pending", null);

    const counts = await purgeExpired(db, { bookingRetentionMonths: 12 }, now);
    expect(counts).toEqual({
      clients: 2,
      bookings: 2,
      selfCheckHandoffs: 1,
      tokens: 4,
      sessions: 3,
      jobs: 2,
    });

    expect(ids(await db.select({ id: clients.id }).from(clients))).toEqual(
      [partner?.id, stillKept?.id].sort() as string[],
    );
    // The erased client's sign-in went with the account (counted there); the one ended an hour ago stays.
    // The erased partner's rows went with the account; the other partner's stayed, and so did their couple.
    const entries = await db.select({ clientId: workspaceEntries.clientId }).from(workspaceEntries);
    expect(entries.map((e) => e.clientId).sort()).toEqual([partner?.id, stillKept?.id].sort());
    expect(ids(await db.select({ id: couples.id }).from(couples))).toEqual([couple?.id as string]);
    const left = await db.select().from(sessions);
    expect(left.every((s) => s.accountId === pId)).toBe(true);
    expect(left).toHaveLength(2);
    expect(await db.select().from(clientSignInLinks)).toHaveLength(2);
    expect(await db.select().from(clientInvitations)).toHaveLength(1);
    expect((await db.select().from(therapistLinks)).map((l) => l.purpose)).toEqual(["join"]);
    expect(await db.select().from(selfCheckHandoffs)).toHaveLength(1);
    expect(ids(await db.select({ id: bookings.id }).from(bookings))).toEqual([recent, future].sort());
    expect(oldCancelled).toBeDefined();
    const notices = await db
      .select({ bookingId: therapistNotifications.bookingId })
      .from(therapistNotifications);
    expect(notices.map((n) => n.bookingId)).toEqual([recent]);
    expect((await db.select().from(jobs)).map((j) => j.status).sort()).toEqual(["done", "failed", "pending"]);

    const audited = await db.select().from(auditLog).where(eq(auditLog.action, "retention.purged"));
    expect(
      audited.map((a) => a.detail).sort((a, b) => String(a?.kind).localeCompare(String(b?.kind))),
    ).toEqual([
      { kind: "bookings", count: 2 },
      { kind: "clients", count: 2 },
      { kind: "jobs", count: 2 },
      { kind: "selfCheckHandoffs", count: 1 },
      { kind: "sessions", count: 3 },
      { kind: "tokens", count: 4 },
    ]);
    expect(audited.every((a) => a.actor === "system" && a.subject === null)).toBe(true);

    // A second run (another instance, a retried job) finds nothing and writes nothing.
    const again = await purgeExpired(db, { bookingRetentionMonths: 12 }, now);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "retention.purged"))).toHaveLength(6);
  });

  it("keeps bookings for the configured number of months", async () => {
    const [therapist] = await db
      .insert(therapists)
      .values({ displayName: "U", timeZone: "Europe/London", email: "u@retention.test" })
      .returning();
    const sevenMonths = await addBooking(therapist?.id as string, ago(213 * day));
    expect((await purgeExpired(db, { bookingRetentionMonths: 12 }, now)).bookings).toBe(0);
    // The 10-month-old booking of the first test goes as well under a 6-month rule.
    expect((await purgeExpired(db, { bookingRetentionMonths: 6 }, now)).bookings).toBe(2);
    expect(await db.select().from(bookings).where(eq(bookings.id, sevenMonths))).toHaveLength(0);
  });

  it("runs as a daily job: planned once however often start is called, and each run plans the next", async () => {
    await db.delete(jobs);
    const logger = pino({ level: "silent" });
    const retention = retentionJob(db, ring, { bookingRetentionMonths: 12 }, logger);
    expect(await retention.start()).toBe(true);
    expect(await retention.start()).toBe(false);
    const runner = new JobRunner(db, ring, retention.handlers, logger);
    expect(await runner.runOnce()).toBe(1);
    const planned = resultRows<{ status: string; hours: number }>(
      await db.execute(
        sql`select status, round(extract(epoch from run_at - now()) / 3600)::int as hours
              from jobs where kind = ${retentionJobKind} order by run_at`,
      ),
    );
    expect(planned).toEqual([
      { status: "done", hours: 0 },
      { status: "pending", hours: 24 },
    ]);
    expect(await retention.start()).toBe(false);
  });
});
