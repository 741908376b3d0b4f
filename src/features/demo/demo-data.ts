import { eq, inArray } from "drizzle-orm";
import { readSetting, writeSetting } from "../../platform/db/app-settings.ts";
import type { Database } from "../../platform/db/database.ts";
import { takeStartupWriteLock } from "../../platform/db/startup-write-lock.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { articles } from "../articles/article.schema.ts";
import { bookings } from "../booking/booking.schema.ts";
import { bookingSettings } from "../booking/booking-settings.schema.ts";
import { weeklyHours } from "../booking/weekly-hours.schema.ts";

const hours = (h: number, m = 0) => h * 60 + m;

/** Weekday mornings and afternoons, and one evening, so every public flow has times to offer. */
const demoWeek = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: hours(9), endMinute: hours(12, 30) },
  { weekday, startMinute: hours(13, 30), endMinute: hours(17) },
  ...(weekday === 3 ? [{ weekday, startMinute: hours(18), endMinute: hours(20) }] : []),
]);

/**
 * Whether this installation shows demo data. HAVEN_DEMO decides when set; otherwise the last
 * decision stands; a brand-new embedded data dir starts with it on so every flow works at once.
 */
export async function resolveDemoMode(
  db: Database,
  options: { requested: boolean | undefined; freshEmbedded: boolean },
): Promise<boolean> {
  const stored = await readSetting<boolean>(db, "demo_mode");
  const demo = options.requested ?? stored ?? options.freshEmbedded;
  if (stored !== demo) await writeSetting(db, "demo_mode", demo);
  return demo;
}

/** Adds the demo therapist and hours once; removes every demo row when demo mode is off. */
export async function applyDemoMode(db: Database, demo: boolean, therapistName: string, timeZone: string) {
  await db.transaction(async (tx) => {
    await takeStartupWriteLock(tx);
    const [existing] = await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.isDemo, true));
    if (!demo) {
      // Consultations booked with the demo therapist go with them: nobody is there to hold them.
      await tx
        .delete(bookings)
        .where(
          inArray(
            bookings.therapistId,
            tx.select({ id: therapists.id }).from(therapists).where(eq(therapists.isDemo, true)),
          ),
        );
      await tx.delete(therapists).where(eq(therapists.isDemo, true)); // hours and settings go with them (cascade)
      await tx.delete(articles).where(eq(articles.isDemo, true));
      return;
    }
    if (existing) return;
    const [therapist] = await tx
      .insert(therapists)
      .values({ displayName: therapistName, timeZone, isDemo: true })
      .returning({ id: therapists.id });
    if (!therapist) throw new Error("demo therapist was not created");
    await tx
      .insert(weeklyHours)
      .values(demoWeek.map((range) => ({ ...range, therapistId: therapist.id, isDemo: true })));
    await tx.insert(bookingSettings).values({
      therapistId: therapist.id,
      videoLink: "https://video.example.org/demo-practice",
      phoneArrangement: "The therapist will call you on the number you gave.",
      isDemo: true,
    });
  });
}

export async function hasDemoRows(db: Database): Promise<boolean> {
  const [therapist] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(eq(therapists.isDemo, true))
    .limit(1);
  const [article] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.isDemo, true))
    .limit(1);
  return Boolean(therapist ?? article);
}
