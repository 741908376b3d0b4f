import { Temporal } from "temporal-polyfill";
import { bookingSettings } from "../../src/features/booking/booking-settings.schema.ts";
import { weeklyHours } from "../../src/features/booking/weekly-hours.schema.ts";
import { addClients, addTherapist, signInTherapist, type TestClient } from "./people.ts";
import type { TestApp } from "./test-app.ts";

/** A local date some days ahead in London, and the instant of a wall-clock time on it. */
export const daysAhead = (days: number) =>
  Temporal.Now.plainDateISO("Europe/London").add({ days }).toString();
export const instantOf = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone: "Europe/London",
    plainTime: Temporal.PlainTime.from(time),
  }).epochMilliseconds;

/**
 * Tess works 09:00–17:00 every day, takes consultations at no notice, and sees Bea and Cal (a couple) and
 * Dee (alone). Uma is another therapist.
 */
export async function sessionsPractice(t: TestApp) {
  const tess = await addTherapist(t, "Tess Teak", "tess@example.org");
  const uma = await addTherapist(t, "Uma Umber", "uma@example.org");
  await t.handle.db.insert(weeklyHours).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      therapistId: tess.id,
      weekday,
      startMinute: 9 * 60,
      endMinute: 17 * 60,
    })),
  );
  await t.handle.db.insert(bookingSettings).values({ therapistId: tess.id, minimumNoticeMinutes: 0 });
  const [bea, cal] = (await addClients(t, tess.id, [
    { name: "Bea Birch", email: "bea@example.org" },
    { name: "Cal Cedar", email: "cal@example.org" },
  ])) as [TestClient, TestClient];
  const [dee] = (await addClients(t, tess.id, [{ name: "Dee Dale", email: "dee@example.org" }])) as [
    TestClient,
  ];
  return {
    tess,
    tessCookie: await signInTherapist(t, tess),
    umaCookie: await signInTherapist(t, uma),
    bea,
    cal,
    dee,
  };
}
