import { and, asc, eq, gte } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { dateInputFormat } from "../../../platform/web/date-input.ts";
import { type FieldErrors, fieldText, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { dateOverrides } from "../date-override.schema.ts";
import { zoneChoices } from "../zone-choices.ts";
import {
  type OverrideValues,
  overrideSchema,
  readOverride,
  readSettings,
  type SettingsValues,
  settingsSchema,
} from "./booking-settings.form.ts";
import { BookingSettingsPage, type SettingsNotice } from "./booking-settings-page.tsx";
import { settingsMessages as m } from "./messages.ts";
import { formatHours } from "./parse-hours.ts";
import { saveBookingSettings } from "./save-booking-settings.ts";
import { savedBookingSettings } from "./saved-booking-settings.ts";

type Errors = FieldErrors;

const formName = "booking-settings";
const noticeParam = z.enum(Object.keys(m.notices) as [SettingsNotice, ...SettingsNotice[]]);

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
          settings={state.settings ?? { values: await savedBookingSettings(db, therapist) }}
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
      read: readSettings,
      schema: settingsSchema,
      rerender: (request, reply, status, settings) => page(request, reply, status, { settings }),
      problemWhenInvalid: m.notSaved,
      handle: async ({ request, reply, data, values }) => {
        await saveBookingSettings(db, keys, therapistOf(request).id, {
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
      read: readOverride,
      schema: () => overrideSchema(dateInputFormat(site.practice)),
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
