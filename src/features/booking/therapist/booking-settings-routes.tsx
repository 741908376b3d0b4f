import { and, asc, eq, gte } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { type FieldErrors, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit, fieldText } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import type { SignedInTherapist } from "../../accounts/therapist-gate.ts";
import { bookingSettings } from "../booking-settings.schema.ts";
import { isValidTimeZone } from "../compute-slots.ts";
import { dateOverrides } from "../date-override.schema.ts";
import { replanReminders } from "../reminders/send-reminders.ts";
import { defaultBookingSettings } from "../therapist-availability.ts";
import { zoneChoices } from "../visitor/time-words.ts";
import { weeklyHours } from "../weekly-hours.schema.ts";
import {
  BookingSettingsPage,
  type OverrideValues,
  type SettingsNotice,
  type SettingsValues,
  settingsTextFields,
} from "./booking-settings-page.tsx";
import { settingsMessages as m } from "./messages.ts";
import { formatHours, type HoursRange, parseHours } from "./parse-hours.ts";

type Errors = FieldErrors;

const formName = "booking-settings";
const noticeParam = z.enum(Object.keys(m.notices) as [SettingsNotice, ...SettingsNotice[]]);

/** A whole number typed in a field, within the range the database's check constraint allows. */
const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

const hoursField = z
  .string()
  .max(300, m.hoursTooLong)
  .transform((text, ctx): HoursRange[] => {
    const parsed = parseHours(text);
    if (parsed.ok) return parsed.ranges;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

const isHttpsLink = (text: string) => {
  if (text === "") return true;
  if (/\s/.test(text) || !URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === "";
};

const settingsSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, m.timeZone),
  durationMinutes: whole(5, 240, m.durationMinutes),
  bufferBeforeMinutes: whole(0, 240, m.buffer),
  bufferAfterMinutes: whole(0, 240, m.buffer),
  minimumNoticeHours: whole(0, 720, m.minimumNoticeHours),
  horizonDays: whole(1, 365, m.horizonDays),
  intervalMinutes: whole(5, 240, m.intervalMinutes),
  maxPerDay: z
    .string()
    .trim()
    .pipe(z.union([z.literal("").transform(() => null), whole(1, 50, m.maxPerDay)], { error: m.maxPerDay })),
  cancellationCutoffHours: whole(0, 336, m.cancellationCutoffHours),
  requestExpiryHours: whole(1, 168, m.requestExpiryHours),
  reminderHours: whole(0, 168, m.reminderHours),
  videoLink: z.string().trim().max(500, m.videoLink).refine(isHttpsLink, m.videoLink),
  phoneArrangement: z.string().trim().max(300, m.phoneArrangement),
  hours1: hoursField,
  hours2: hoursField,
  hours3: hoursField,
  hours4: hoursField,
  hours5: hoursField,
  hours6: hoursField,
  hours7: hoursField,
});
type ValidSettings = z.output<typeof settingsSchema> & {
  acceptsBookings: boolean;
  approvalRequired: boolean;
};

const overrideSchema = z.object({
  overrideDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, m.overrideDate)
    .refine((text) => {
      try {
        Temporal.PlainDate.from(text, { overflow: "reject" });
        return true;
      } catch {
        return false;
      }
    }, m.overrideDate),
  overrideHours: hoursField,
});

/** Intl's own spelling of a zone ("europe/london" is stored as "Europe/London"). */
const canonicalZone = (zone: string) =>
  new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;

/** What the form shows for the saved settings and hours. */
async function savedValues(db: Database, therapist: SignedInTherapist): Promise<SettingsValues> {
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
    approvalRequired: s.approvalRequired,
    requestExpiryHours: String(s.requestExpiryHours),
    reminderHours: String(s.reminderHours),
    videoLink: s.videoLink ?? "",
    phoneArrangement: s.phoneArrangement ?? "",
    hours1: day(1),
    hours2: day(2),
    hours3: day(3),
    hours4: day(4),
    hours5: day(5),
    hours6: day(6),
    hours7: day(7),
  };
}

/** Settings, the usual week and the zone together: visitors never see half of a change. */
async function saveSettings(
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
    approvalRequired: s.approvalRequired,
    requestExpiryHours: s.requestExpiryHours,
    reminderHours: s.reminderHours,
    videoLink: s.videoLink || null,
    phoneArrangement: s.phoneArrangement || null,
  };
  const week = [s.hours1, s.hours2, s.hours3, s.hours4, s.hours5, s.hours6, s.hours7].flatMap((ranges, i) =>
    ranges.map((range) => ({ therapistId, weekday: i + 1, ...range })),
  );
  await db.transaction(async (tx) => {
    // The booking transaction takes this lock before reading hours and settings, so it sees all or none.
    await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.id, therapistId))
      .for("update");
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

/** The therapist's booking settings, usual week and dates that differ. */
export function registerBookingSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;
  const key = keys.current;
  const form = { name: formName, scope: "session", keys: key, publicUrl } as const;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: {
      settings?: { values: SettingsValues; errors?: Errors; problem?: string };
      overrideForm?: { values?: OverrideValues; errors?: Errors; problem?: string };
    } = {},
  ) => {
    const therapist = therapistOf(request);
    const today = Temporal.Now.plainDateISO(therapist.timeZone).toString();
    const upcoming = await db
      .select()
      .from(dateOverrides)
      .where(and(eq(dateOverrides.therapistId, therapist.id), gte(dateOverrides.date, today)))
      .orderBy(asc(dateOverrides.date));
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <BookingSettingsPage
          site={site}
          token={formTokenFor(request, key, formName, "session")}
          zones={zoneChoices()}
          settings={state.settings ?? { values: await savedValues(db, therapist) }}
          overrides={upcoming.map((o) => ({ id: o.id, date: o.date, hours: formatHours(o.ranges) }))}
          overrideForm={state.overrideForm ?? {}}
          notice={status === 200 && notice.success ? m.notices[notice.data] : undefined}
        />,
      ),
      status,
    );
  };

  app.get("/practice/booking", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply, 200),
  );

  app.post(
    "/practice/booking",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form,
      read: (body) =>
        ({
          ...Object.fromEntries(settingsTextFields.map((field) => [field, fieldText(body, field)])),
          acceptsBookings: fieldText(body, "acceptsBookings") === "yes",
          approvalRequired: fieldText(body, "approvalRequired") === "yes",
        }) as SettingsValues,
      schema: settingsSchema,
      rerender: (request, reply, status, settings) => page(request, reply, status, { settings }),
      problemWhenInvalid: m.notSaved,
      handle: async ({ request, reply, data, values }) => {
        await saveSettings(db, keys, therapistOf(request).id, {
          ...data,
          acceptsBookings: values.acceptsBookings,
          approvalRequired: values.approvalRequired,
        });
        return reply.redirect("/practice/booking?notice=saved", 303);
      },
    }),
  );

  app.post(
    "/practice/booking/overrides",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form,
      read: (body): OverrideValues => ({
        overrideDate: fieldText(body, "overrideDate"),
        overrideHours: fieldText(body, "overrideHours"),
      }),
      schema: overrideSchema,
      rerender: (request, reply, status, overrideForm) => page(request, reply, status, { overrideForm }),
      handle: async ({ request, reply, data, invalid }) => {
        const therapist = therapistOf(request);
        const date = Temporal.PlainDate.from(data.overrideDate);
        const today = Temporal.Now.plainDateISO(therapist.timeZone);
        if (Temporal.PlainDate.compare(date, today) < 0) return invalid({ overrideDate: m.overridePast });
        if (Temporal.PlainDate.compare(date, today.add({ years: 2 })) > 0)
          return invalid({ overrideDate: m.overrideFar });
        const { overrideHours: ranges } = data;
        await db
          .insert(dateOverrides)
          .values({ therapistId: therapist.id, date: data.overrideDate, ranges })
          .onConflictDoUpdate({ target: [dateOverrides.therapistId, dateOverrides.date], set: { ranges } });
        return reply.redirect("/practice/booking?notice=override-saved", 303);
      },
    }),
  );

  app.post(
    "/practice/booking/overrides/remove",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form,
      read: (body) => ({ id: fieldText(body, "id") }),
      // Never invalid: a malformed id is answered like any id that is not the therapist's.
      schema: z.object({ id: z.uuid().optional().catch(undefined) }),
      // The form has no fields to keep: only the problem is shown again.
      rerender: (request, reply, status, { problem }) =>
        page(request, reply, status, { overrideForm: { problem } }),
      handle: async ({ request, reply, data: { id } }) => {
        // Only the therapist's own date goes; another's id, or no such id, gets the same answer.
        if (id)
          await db
            .delete(dateOverrides)
            .where(and(eq(dateOverrides.id, id), eq(dateOverrides.therapistId, therapistOf(request).id)));
        return reply.redirect("/practice/booking?notice=override-removed", 303);
      },
    }),
  );
}
