import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { neutralSubjects } from "../../platform/mail/neutral-subjects.ts";
import type { FeedEvent } from "../booking/calendar-file.ts";
import { sessionEmailWords } from "./messages.ts";
import { therapySessions } from "./session.schema.ts";

const DAY = 86_400_000;

/**
 * The therapist's scheduled sessions for their subscription feed: the neutral title only (no initials,
 * no names, nothing about who or what: a phone shows its calendar on the lock screen), the same UID as the
 * clients' own calendar files, a month back to a year ahead.
 */
export async function sessionFeedEvents(
  db: Database,
  input: { therapistId: string; now: Date; practiceName: string; publicHost: string; url: string },
): Promise<FeedEvent[]> {
  const { now } = input;
  const rows = await db
    .select()
    .from(therapySessions)
    .where(
      and(
        eq(therapySessions.therapistId, input.therapistId),
        eq(therapySessions.status, "scheduled"),
        gt(therapySessions.startsAt, new Date(now.getTime() - 31 * DAY)),
        lt(therapySessions.startsAt, new Date(now.getTime() + 400 * DAY)),
      ),
    )
    .orderBy(therapySessions.startsAt);
  return rows.map((row) => ({
    uid: `${row.id}@${input.publicHost}`,
    sequence: row.sequence,
    start: row.startsAt.getTime(),
    end: row.endsAt.getTime(),
    stamp: now.getTime(),
    title: neutralSubjects.appointment(input.practiceName),
    status: "CONFIRMED" as const,
    description: sessionEmailWords.description(input.practiceName),
    url: input.url,
  }));
}
