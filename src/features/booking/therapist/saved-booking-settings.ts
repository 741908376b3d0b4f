import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { SignedInTherapist } from "../../accounts/therapist-gate.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { defaultBookingSettings } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { hoursFieldOf, isoWeekdays, type SettingsValues } from "./booking-settings.form.ts";
import { formatHours } from "./parse-hours.ts";

/** What the settings form shows for the saved settings and usual week (the defaults before any save). */
export async function savedBookingSettings(
  db: Database,
  therapist: SignedInTherapist,
): Promise<SettingsValues> {
  const [saved] = await db
    .select()
    .from(bookingSettings)
    .where(eq(bookingSettings.therapistId, therapist.id));
  const s = saved ?? defaultBookingSettings(therapist.id);
  const week = await db.select().from(weeklyHours).where(eq(weeklyHours.therapistId, therapist.id));
  const day = (weekday: number) => formatHours(week.filter((w) => w.weekday === weekday));
  return {
    acceptsBookings: s.acceptsBookings,
    timeZone: therapist.timeZone,
    durationMinutes: String(s.durationMinutes),
    bufferBeforeMinutes: String(s.bufferBeforeMinutes),
    bufferAfterMinutes: String(s.bufferAfterMinutes),
    minimumNoticeHours: String(s.minimumNoticeMinutes / 60),
    horizonDays: String(s.horizonDays),
    intervalMinutes: String(s.intervalMinutes),
    maxPerDay: s.maxPerDay === null ? "" : String(s.maxPerDay),
    cancellationCutoffHours: String(s.cancellationCutoffHours),
    graceMinutes: String(s.graceMinutes),
    approvalRequired: s.approvalRequired,
    requestExpiryHours: String(s.requestExpiryHours),
    reminderHours: String(s.reminderHours),
    videoLink: s.videoLink ?? "",
    phoneArrangement: s.phoneArrangement ?? "",
    ...(Object.fromEntries(isoWeekdays.map((weekday) => [hoursFieldOf(weekday), day(weekday)])) as Record<
      ReturnType<typeof hoursFieldOf>,
      string
    >),
  };
}
