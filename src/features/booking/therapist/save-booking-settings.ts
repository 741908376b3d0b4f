import { eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { lockTherapist } from "../lock-therapist.ts";
import { replanReminders } from "../reminders/send-reminders.ts";
import { defaultBookingSettings } from "../therapist-availability.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import { hoursFieldOf, isoWeekdays, type ValidSettings } from "./booking-settings.form.ts";

/** Intl's own spelling of a zone ("europe/london" is stored as "Europe/London"). */
const canonicalZone = (zone: string) =>
  new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;

/** Settings, the usual week and the zone together: visitors never see half of a change. */
export async function saveBookingSettings(
  db: Database,
  ring: KeyRing,
  therapistId: string,
  s: ValidSettings,
): Promise<void> {
  const settings = {
    acceptsBookings: s.acceptsBookings,
    durationMinutes: s.durationMinutes,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    minimumNoticeMinutes: s.minimumNoticeHours * 60,
    horizonDays: s.horizonDays,
    intervalMinutes: s.intervalMinutes,
    maxPerDay: s.maxPerDay,
    cancellationCutoffHours: s.cancellationCutoffHours,
    graceMinutes: s.graceMinutes,
    approvalRequired: s.approvalRequired,
    requestExpiryHours: s.requestExpiryHours,
    reminderHours: s.reminderHours,
    videoLink: s.videoLink || null,
    phoneArrangement: s.phoneArrangement || null,
  };
  const week = isoWeekdays.flatMap((weekday) =>
    s[hoursFieldOf(weekday)].map((range) => ({ therapistId, weekday, ...range })),
  );
  await db.transaction(async (tx) => {
    // The booking transaction takes this lock before reading hours and settings, so it sees all or none.
    await lockTherapist(tx, therapistId);
    const [before] = await tx
      .select({ reminderHours: bookingSettings.reminderHours })
      .from(bookingSettings)
      .where(eq(bookingSettings.therapistId, therapistId));
    if ((before?.reminderHours ?? defaultBookingSettings(therapistId).reminderHours) !== s.reminderHours)
      await replanReminders(tx, ring, therapistId, s.reminderHours, new Date());
    await tx
      .insert(bookingSettings)
      .values({ therapistId, ...settings })
      .onConflictDoUpdate({ target: bookingSettings.therapistId, set: settings });
    await tx.delete(weeklyHours).where(eq(weeklyHours.therapistId, therapistId));
    if (week.length > 0) await tx.insert(weeklyHours).values(week);
    await tx
      .update(therapists)
      .set({ timeZone: canonicalZone(s.timeZone) })
      .where(eq(therapists.id, therapistId));
  });
}
