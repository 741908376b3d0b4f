import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { busyTimesFromIcal } from "./busy-times-from-ical.ts";
import { calendarBusyTimes, calendarFeeds } from "./calendar-feed.schema.ts";
import { CalendarFeedError } from "./calendar-feed-error.ts";
import { openFeedUrl } from "./calendar-feeds.ts";
import { type FetchFeedOptions, fetchFeed } from "./fetch-feed.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const feedRefreshDefaults = {
  /** The rhythm: each feed is read every 10 minutes. */
  everyMs: 10 * MINUTE,
  /** How long one instance holds a feed while reading it; longer than the fetch's own time limit. */
  leaseMs: 2 * MINUTE,
  /** Busy times are kept from a day back (buffers reach across) to beyond the longest horizon. */
  backMs: DAY,
  aheadMs: 366 * DAY,
};

export type RefreshOptions = {
  now?: Date;
  /** Only this feed ("check now"), whenever it was last read. */
  feedId?: string;
  fetch?: FetchFeedOptions;
};

type Claimed = { id: string; urlEncrypted: string; therapistId: string; claimedUntil: Date | null };

/**
 * Takes the feeds due for a read, each for one instance only: the conditional UPDATE is decided row
 * by row under the row's lock, so two instances asking at once never both take a feed.
 */
async function claimDueFeeds(db: Database, now: Date, feedId: string | undefined): Promise<Claimed[]> {
  const due = feedId
    ? eq(calendarFeeds.id, feedId)
    : or(
        isNull(calendarFeeds.lastAttemptAt),
        lt(calendarFeeds.lastAttemptAt, new Date(now.getTime() - feedRefreshDefaults.everyMs + MINUTE / 2)),
      );
  return db
    .update(calendarFeeds)
    .set({ claimedUntil: new Date(now.getTime() + feedRefreshDefaults.leaseMs) })
    .where(and(due, or(isNull(calendarFeeds.claimedUntil), lt(calendarFeeds.claimedUntil, now))))
    .returning({
      id: calendarFeeds.id,
      urlEncrypted: calendarFeeds.urlEncrypted,
      therapistId: calendarFeeds.therapistId,
      claimedUntil: calendarFeeds.claimedUntil,
    });
}

/** Still ours: a read that outlived its lease (and so may have been taken again) writes nothing. */
const stillClaimed = (feed: Claimed) =>
  and(
    eq(calendarFeeds.id, feed.id),
    feed.claimedUntil
      ? eq(calendarFeeds.claimedUntil, feed.claimedUntil)
      : isNull(calendarFeeds.claimedUntil),
  );

/** What a read found: busy times, or a sentence for the therapist. */
async function readFeed(
  url: string,
  zone: string,
  now: Date,
  fetchOptions: FetchFeedOptions | undefined,
): Promise<{ ok: true; busy: { start: Date; end: Date }[] } | { ok: false; error: string }> {
  const fetched = await fetchFeed(url, fetchOptions);
  if (!fetched.ok) return fetched;
  try {
    const window = {
      from: new Date(now.getTime() - feedRefreshDefaults.backMs),
      to: new Date(now.getTime() + feedRefreshDefaults.aheadMs),
    };
    // Floating times and all-day events are the therapist's own days, so they are read in their zone.
    const { busy } = busyTimesFromIcal(fetched.text, window, { floatingZone: zone, allDayZone: zone });
    return { ok: true, busy };
  } catch (error) {
    if (error instanceof CalendarFeedError) return { ok: false, error: error.message };
    throw error;
  }
}

async function refreshOne(db: Database, ring: KeyRing, feed: Claimed, now: Date, options: RefreshOptions) {
  const [therapist] = await db
    .select({ timeZone: therapists.timeZone })
    .from(therapists)
    .where(eq(therapists.id, feed.therapistId));
  const result = await readFeed(openFeedUrl(ring, feed), therapist?.timeZone ?? "UTC", now, options.fetch);
  if (!result.ok) {
    // The busy times of the last good read stay: an unreachable calendar is no reason to offer times
    // the therapist may not have. The therapist sees the error and when the last good read was.
    await db
      .update(calendarFeeds)
      .set({ lastAttemptAt: now, lastError: result.error, claimedUntil: null })
      .where(stillClaimed(feed));
    return false;
  }
  return db.transaction(async (tx) => {
    // First the feed's own row, which also locks it: if the lease was lost, nothing is replaced.
    const [ours] = await tx
      .update(calendarFeeds)
      .set({
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: null,
        busyCount: result.busy.length,
        claimedUntil: null,
      })
      .where(stillClaimed(feed))
      .returning({ id: calendarFeeds.id });
    if (!ours) return false;
    await tx.delete(calendarBusyTimes).where(eq(calendarBusyTimes.feedId, feed.id));
    const rows = result.busy.map((b) => ({
      feedId: feed.id,
      therapistId: feed.therapistId,
      startsAt: b.start,
      endsAt: b.end,
    }));
    // In chunks: one statement's parameters are limited.
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(calendarBusyTimes).values(rows.slice(i, i + 1000));
    }
    return true;
  });
}

/**
 * Reads every feed that is due (or the one asked for) and replaces its busy times. Safe to run in
 * several instances at once: each feed is read by one of them. Returns how many reads succeeded,
 * failed (the therapist sees why) or broke on Haven's side, for the log (never an address).
 */
export async function refreshDueFeeds(
  db: Database,
  ring: KeyRing,
  options: RefreshOptions = {},
): Promise<{ read: number; failed: number; broken: number }> {
  const now = options.now ?? new Date();
  const claimed = await claimDueFeeds(db, now, options.feedId);
  const counts = { read: 0, failed: 0, broken: 0 };
  for (const feed of claimed) {
    try {
      if (await refreshOne(db, ring, feed, now, options)) counts.read++;
      else counts.failed++;
    } catch {
      // One feed's surprise must not stop the others; the therapist is told, and it is tried again.
      counts.broken++;
      await db
        .update(calendarFeeds)
        .set({ lastAttemptAt: now, lastError: unexpected, claimedUntil: null })
        .where(eq(calendarFeeds.id, feed.id));
    }
  }
  return counts;
}

const unexpected =
  "Haven could not read this calendar because of a problem on Haven's side. It will try again.";

/** Whether a feed was read too long ago to trust: three missed reads in a row. */
export function isStale(lastSuccessAt: Date | null, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() > 3 * feedRefreshDefaults.everyMs;
}
