import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { actionPost, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { addToCalendarLinks } from "../add-to-calendar-links.ts";
import { bookingEvent, meetingPlace } from "../booking-emails.ts";
import { type BookingRecord, loadBooking } from "../booking-record.ts";
import { calendarFile } from "../calendar-file.ts";
import {
  cancelBooking,
  changeableUntil,
  isActive,
  rescheduleBooking,
  rulesForMoving,
} from "../change-booking.ts";
import { computeSlots } from "../compute-slots.ts";
import { bookingIdFromManageToken } from "../manage-link.ts";
import { statusAt } from "../request-expiry.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { type BookingFrame, siteFrame } from "./booking-frame.tsx";
import { ManagePage } from "./manage-page.tsx";
import { visitorMessages as m, manageNotices } from "./messages.ts";
import { ReschedulePage } from "./reschedule-page.tsx";
import { UnusableLinkPage } from "./unusable-link-page.tsx";

const notices = manageNotices;
type Notice = keyof typeof notices;
const noticeQuery = z.object({
  notice: z
    .enum(Object.keys(notices) as [Notice, ...Notice[]])
    .optional()
    .catch(undefined),
});
/** A time within the years a Date can hold. */
const moveSchema = z.object({
  start: z.coerce
    .number(m.chooseTime)
    .int(m.chooseTime)
    .positive(m.chooseTime)
    .max(8_000_000_000_000, m.chooseTime),
});
const rateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/**
 * The visitor's private manage link: see, add to a calendar, reschedule or cancel. A GET changes nothing.
 * Inside an embed (`/embed/book/manage/:token`) only the page is served: it is the embedded flow's
 * confirmation, and opens the full page in a new tab for everything else (record 041).
 */
export function registerManageRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  frame: BookingFrame = siteFrame,
): void {
  const { db, site, keys, publicUrl, bookingMail: mail } = ctx;
  const key = keys.current;

  /** The booking a manage link names, or undefined for a tampered or unknown link. */
  const bookingFor = async (request: FastifyRequest) => {
    const token = (request.params as { token?: string }).token ?? "";
    const id = bookingIdFromManageToken(keys, token);
    const booking = id ? await loadBooking(db, keys, id) : undefined;
    return booking ? { booking, token } : undefined;
  };
  const unusable = (reply: FastifyReply) =>
    sendPrivate(reply, renderPage(<UnusableLinkPage site={site} frame={frame} />), 404);
  const formName = (booking: BookingRecord) => `manage:${booking.id}`;
  const formOf = (booking: BookingRecord) =>
    ({ name: formName(booking), scope: "anonymous", keys: key, publicUrl }) as const;

  const managePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { booking: BookingRecord; token: string },
    extra: { notice?: string; problem?: string; status?: number } = {},
  ) => {
    const { booking, token } = found;
    const event = bookingEvent(booking, mail);
    const now = new Date();
    return sendPrivate(
      reply,
      renderPage(
        <ManagePage
          site={site}
          frame={frame}
          formToken={formTokenFor(request, key, formName(booking), "anonymous")}
          notice={extra.notice}
          problem={extra.problem}
          view={{
            token,
            start: booking.startsAt.getTime(),
            zone: booking.visitorTimeZone,
            kind: booking.kind,
            meeting: booking.meeting,
            place: meetingPlace(booking),
            status: statusAt(booking, now.getTime()),
            expiresAt: booking.expiresAt?.getTime(),
            declineMessage: booking.declineMessage,
            practiceMessage: booking.practiceMessage,
            therapistName: booking.therapist.name,
            changeable: now <= changeableUntil(booking),
            cutoffHours: booking.settings.cancellationCutoffHours,
            calendarLinks: addToCalendarLinks(event),
          }}
        />,
      ),
      extra.status ?? 200,
    );
  };

  app.get(`${frame.base}/manage/:token`, { config: { access: "anonymous" } }, async (request, reply) => {
    const found = await bookingFor(request);
    if (!found) return unusable(reply);
    const { notice } = noticeQuery.parse(request.query);
    return managePage(request, reply, found, notice ? { notice: notices[notice] } : {});
  });
  // The calendar file, cancelling and moving are served on the site only, never inside a frame.
  if (frame.embedded) return;

  app.get(
    "/book/manage/:token/consultation.ics",
    { config: { access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      // No calendar entry for a time that was never confirmed (record 038): the page says why.
      const status = statusAt(found.booking, Date.now());
      if (status !== "confirmed" && status !== "cancelled")
        return reply.redirect(`/book/manage/${found.token}`, 303);
      return reply
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="consultation.ics"')
        .type("text/calendar; charset=utf-8")
        .send(calendarFile(bookingEvent(found.booking, mail)));
    },
  );

  app.post(
    "/book/manage/:token/cancel",
    { config: { ...rateLimit, access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      return actionPost({
        form: formOf(found.booking),
        notGenuine: (request, reply) =>
          managePage(request, reply, found, { problem: m.manageExpired, status: 403 }),
        handle: async (request, reply) => {
          const outcome = await cancelBooking(db, keys, found.booking.id, mail);
          // Too late, or no longer active (declined or lapsed a moment ago): the page shows where it stands.
          if (!outcome.ok)
            return managePage(request, reply, (await bookingFor(request)) ?? found, { status: 409 });
          app.jobs.wake();
          const notice = found.booking.status === "requested" ? "withdrawn" : "cancelled";
          return reply.redirect(`/book/manage/${found.token}?notice=${notice}`, 303);
        },
      })(request, reply);
    },
  );

  const reschedulePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { booking: BookingRecord; token: string },
    problem?: string,
    status = 200,
  ) => {
    const now = Date.now();
    const window = { from: now, to: now + 400 * 86_400_000 };
    const availability = await loadAvailability(db, found.booking.therapistId, window, found.booking.id);
    const slots = availability
      ? computeSlots({
          rules: rulesForMoving(found.booking, availability),
          bookings: availability.bookings,
          busy: availability.busy,
          now,
          ...window,
        }).filter((s) => s.start !== found.booking.startsAt.getTime())
      : [];
    return sendPrivate(
      reply,
      renderPage(
        <ReschedulePage
          site={site}
          token={found.token}
          zone={found.booking.visitorTimeZone}
          slots={slots.slice(0, 14 * 24)}
          formToken={formTokenFor(request, key, formName(found.booking), "anonymous")}
          problem={problem}
        />,
      ),
      status,
    );
  };

  app.get("/book/manage/:token/reschedule", { config: { access: "anonymous" } }, async (request, reply) => {
    const found = await bookingFor(request);
    if (!found) return unusable(reply);
    if (!isActive(found.booking) || new Date() > changeableUntil(found.booking))
      return managePage(request, reply, found);
    return reschedulePage(request, reply, found);
  });

  app.post(
    "/book/manage/:token/reschedule",
    { config: { ...rateLimit, access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      return formPost({
        form: formOf(found.booking),
        read: (body) => ({ start: (body as Record<string, unknown> | undefined)?.start }),
        schema: moveSchema,
        // The one field is the choice of time: its problem is the page's.
        rerender: (request, reply, status, { errors, problem }) =>
          reschedulePage(request, reply, found, problem ?? errors?.start, status),
        notGenuine: (request, reply) => reschedulePage(request, reply, found, m.rescheduleExpired, 403),
        handle: async ({ request, reply, data }) => {
          const move = { bookingId: found.booking.id, start: data.start };
          const outcome = await rescheduleBooking(db, keys, move, mail);
          if (outcome.ok) {
            app.jobs.wake();
            const notice = found.booking.status === "requested" ? "request-moved" : "moved";
            return reply.redirect(`/book/manage/${found.token}?notice=${notice}`, 303);
          }
          if (outcome.reason === "too-late" || outcome.reason === "not-active")
            return managePage(request, reply, found, { status: 409 });
          return reschedulePage(request, reply, found, m.rescheduleTaken, 409);
        },
      })(request, reply);
    },
  );
}
