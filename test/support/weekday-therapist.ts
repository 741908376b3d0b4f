import { therapists } from "../../src/features/accounts/therapist.schema.ts";
import { bookingSettings } from "../../src/features/booking/booking-settings.schema.ts";
import { weeklyHours } from "../../src/features/booking/weekly-hours.schema.ts";
import type { Database } from "../../src/platform/db/database.ts";

/**
 * A therapist straight in the database, with the same hours on the given weekdays (ISO, Monday = 1) and,
 * when given, booking settings: what the booking feature's database tests start from.
 */
export async function addTherapistWithHours(
  db: Database,
  options: {
    name?: string;
    email?: string;
    timeZone?: string;
    weekdays?: number[];
    hours?: [from: number, to: number];
    settings?: Partial<Omit<typeof bookingSettings.$inferInsert, "therapistId">>;
  } = {},
): Promise<string> {
  const [therapist] = await db
    .insert(therapists)
    .values({
      displayName: options.name ?? "Tess Teak",
      email: options.email ?? "tess@harbour.example",
      timeZone: options.timeZone ?? "Europe/London",
    })
    .returning();
  const therapistId = therapist?.id as string;
  const [from, to] = options.hours ?? [9, 17];
  await db.insert(weeklyHours).values(
    (options.weekdays ?? [1, 2, 3, 4, 5]).map((weekday) => ({
      therapistId,
      weekday,
      startMinute: from * 60,
      endMinute: to * 60,
    })),
  );
  if (options.settings) await db.insert(bookingSettings).values({ therapistId, ...options.settings });
  return therapistId;
}
