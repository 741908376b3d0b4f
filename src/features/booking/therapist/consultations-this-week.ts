import { and, asc, eq, gt, lt } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { bookings } from "../booking.schema.ts";
import { openVisitor } from "../booking-record.ts";
import { holdsItsTimeAt } from "../holds-its-time.ts";

/** One consultation on the practice home: when, who, and which things the visitor chose to share. */
export type ConsultationAtAGlance = {
  id: string;
  start: number;
  status: "requested" | "confirmed";
  kind: "individual" | "couple" | "unsure";
  meeting: "video" | "phone";
  visitorName: string;
  /** Which things they shared: the note and the self-check's reflection are read on the consultations page. */
  shared: { note: boolean; selfCheck: boolean };
  /** They asked that no message be left: a safety instruction, shown wherever they are named. */
  noMessages: boolean;
};

/** Midnight today in the therapist's zone, and midnight a week later: "today" and "this week". */
export function weekFrom(now: Date, timeZone: string): { todayEnds: number; weekEnds: number } {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .startOfDay();
  return {
    todayEnds: today.add({ days: 1 }).epochMilliseconds,
    weekEnds: today.add({ days: 7 }).epochMilliseconds,
  };
}

/** The therapist's consultations from now to the end of the seventh day, requests still waiting included. */
export async function consultationsThisWeek(
  db: Database,
  ring: KeyRing,
  therapistId: string,
  timeZone: string,
  now = new Date(),
): Promise<ConsultationAtAGlance[]> {
  const { weekEnds } = weekFrom(now, timeZone);
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.therapistId, therapistId),
        holdsItsTimeAt(now),
        gt(bookings.endsAt, now),
        lt(bookings.startsAt, new Date(weekEnds)),
      ),
    )
    .orderBy(asc(bookings.startsAt));
  return rows.map((row) => {
    const visitor = openVisitor(ring, row);
    return {
      id: row.id,
      start: row.startsAt.getTime(),
      status: row.status === "requested" ? "requested" : "confirmed",
      kind: row.kind,
      meeting: row.meeting,
      visitorName: visitor.name,
      shared: { note: visitor.note.trim() !== "", selfCheck: visitor.reflection !== undefined },
      noMessages: !visitor.leaveMessage,
    };
  });
}
