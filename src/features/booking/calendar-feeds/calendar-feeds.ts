import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { decryptField, encryptField, type KeyRing } from "../../../platform/security/field-encryption.ts";
import type { Interval } from "../compute-slots.ts";
import { calendarBusyTimes, calendarFeeds } from "./calendar-feed.schema.ts";

/** A feed as the therapist's list shows it: its label and host, and how its last reads went. */
export type FeedStatus = {
  id: string;
  label: string;
  host: string;
  createdAt: Date;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  busyCount: number;
};

const urlLocation = (id: string) => ({ table: "calendar_feeds", column: "url_encrypted", id });

export async function addFeed(
  db: Database,
  ring: KeyRing,
  input: { therapistId: string; label: string; url: URL },
): Promise<string> {
  const id = randomUUID();
  await db.insert(calendarFeeds).values({
    id,
    therapistId: input.therapistId,
    label: input.label,
    urlEncrypted: encryptField(ring, input.url.href, urlLocation(id)),
    host: input.url.hostname,
  });
  return id;
}

export async function feedsOf(db: Database, therapistId: string): Promise<FeedStatus[]> {
  return db
    .select({
      id: calendarFeeds.id,
      label: calendarFeeds.label,
      host: calendarFeeds.host,
      createdAt: calendarFeeds.createdAt,
      lastAttemptAt: calendarFeeds.lastAttemptAt,
      lastSuccessAt: calendarFeeds.lastSuccessAt,
      lastError: calendarFeeds.lastError,
      busyCount: calendarFeeds.busyCount,
    })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.therapistId, therapistId))
    .orderBy(asc(calendarFeeds.createdAt));
}

/** Removes one of this therapist's feeds and the busy times it brought; false when it is not theirs. */
export async function removeFeed(db: Database, therapistId: string, feedId: string): Promise<boolean> {
  const removed = await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.id, feedId), eq(calendarFeeds.therapistId, therapistId)))
    .returning({ id: calendarFeeds.id });
  return removed.length === 1;
}

export function openFeedUrl(ring: KeyRing, feed: { id: string; urlEncrypted: string }): string {
  return decryptField(ring, feed.urlEncrypted, urlLocation(feed.id));
}

/** The therapist's busy times from all their feeds that touch the window, for slot computation. */
export async function calendarBusyFor(
  tx: Database,
  therapistId: string,
  window: { from: number; to: number },
): Promise<Interval[]> {
  const rows = await tx
    .select({ startsAt: calendarBusyTimes.startsAt, endsAt: calendarBusyTimes.endsAt })
    .from(calendarBusyTimes)
    .where(
      and(
        eq(calendarBusyTimes.therapistId, therapistId),
        lt(calendarBusyTimes.startsAt, new Date(window.to)),
        gt(calendarBusyTimes.endsAt, new Date(window.from)),
      ),
    );
  return rows.map((row) => ({ start: row.startsAt.getTime(), end: row.endsAt.getTime() }));
}
