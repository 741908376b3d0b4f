import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { fieldText, formPost } from "../../../platform/web/form-post.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { bookingEvent } from "../booking-emails.ts";
import type { BookingRecord } from "../booking-record.ts";
import { calendarFile } from "../calendar-file.ts";
import {
  cancelBooking,
  changeableUntil,
  isActive,
  noticeCrisisInReason,
  rescheduleBooking,
} from "../change-booking.ts";
import { zoneSpelling } from "../compute-slots.ts";
import { zoneChooserMessages as zoneWords } from "../messages.ts";
import { statusAt } from "../request-expiry.ts";
import { type BookingFrame, siteFrame } from "./booking-frame.tsx";
import { cancelSchema } from "./cancel-reason.ts";
import { CancelledWithHelpPage } from "./cancelled-with-help-page.tsx";
import { noticeFor } from "./manage-notice.ts";
import { type MovePlace, manageViews } from "./manage-views.tsx";
import { visitorMessages as m, manageNotices } from "./messages.ts";

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
/** Where the visitor is on the moving times page; anything not understood falls back, never refused. */
const placeQuery = z.object({
  zone: z.string().optional().catch(undefined),
  week: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
});
/** The zone the times are shown in (the booking's, unless another real zone was chosen) and any week asked for. */
function placeFor(booking: BookingRecord, input: unknown): MovePlace {
  const parsed = placeQuery.safeParse(input);
  const { zone, week } = parsed.success ? parsed.data : {};
  return { zone: zoneSpelling(zone) ?? booking.visitorTimeZone, week };
}
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
  const { db, keys, publicUrl, bookingMail: mail } = ctx;
  const views = manageViews(ctx, frame);
  const { bookingFor, unusable, formName, managePage, cancelPage } = views;
  const { movingTimesPage, offeredForMove, confirmMovePage } = views;
  const cancelledWithHelp = (reply: FastifyReply, requested: boolean, manageUrl: string) =>
    sendPrivate(
      reply,
      renderPage(<CancelledWithHelpPage site={ctx.site} requested={requested} manageUrl={manageUrl} />),
    );
  const formOf = (booking: BookingRecord) =>
    ({ name: formName(booking), scope: "anonymous", keys: keys.current, publicUrl }) as const;

  app.get(`${frame.base}/manage/:token`, { config: { access: "anonymous" } }, async (request, reply) => {
    const found = await bookingFor(request);
    if (!found) return unusable(reply);
    const { notice } = noticeQuery.parse(request.query);
    // The notice follows the booking's status now, never the address alone (an approved request's page,
    // reloaded from `?notice=requested`, must not say "not confirmed yet").
    const words = noticeFor(notice, statusAt(found.booking, Date.now()));
    return managePage(reply, found, words ? { notice: words } : {});
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

  // Cancelling is a step of its own: what will happen, and an optional reason for the therapist.
  app.get("/book/manage/:token/cancel", { config: { access: "anonymous" } }, async (request, reply) => {
    const found = await bookingFor(request);
    if (!found) return unusable(reply);
    if (!isActive(found.booking)) return managePage(reply, found);
    return cancelPage(request, reply, found);
  });

  app.post(
    "/book/manage/:token/cancel",
    { config: { ...rateLimit, access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      const crisis = request.crisisWords;
      return formPost({
        form: formOf(found.booking),
        read: (body) => ({ reason: fieldText(body, "reason") }),
        schema: cancelSchema,
        rerender: async (request, reply, status, { values, errors, problem }) => {
          // Words that may mean danger reach the therapist even when the reason is refused as too long
          // and nothing is cancelled (DOMAIN.md §4): never the words, only that they were written.
          if (crisis) await noticeCrisisInReason(db, found.booking);
          return cancelPage(
            request,
            reply,
            found,
            { ...values, error: errors?.reason, problem, crisis },
            status,
          );
        },
        notGenuine: (request, reply, values) =>
          cancelPage(request, reply, found, { ...values, problem: m.manageExpired, crisis }, 403),
        handle: async ({ request, reply, data }) => {
          const who = { by: "visitor" as const, reason: data.reason };
          const outcome = await cancelBooking(db, keys, found.booking.id, mail, new Date(), who);
          // No longer active (declined or lapsed a moment ago, or already begun): the page shows where it stands.
          if (!outcome.ok) return managePage(reply, (await bookingFor(request)) ?? found, { status: 409 });
          app.jobs.wake();
          const requested = found.booking.status === "requested";
          const manageUrl = `/book/manage/${found.token}?notice=${requested ? "withdrawn" : "cancelled"}`;
          if (crisis) return cancelledWithHelp(reply, requested, manageUrl);
          return reply.redirect(manageUrl, 303);
        },
      })(request, reply);
    },
  );

  // Moving: the times page under the manage link, a step that confirms, then the move (record 065).
  const tooLateToMove = (booking: BookingRecord) =>
    !isActive(booking) || new Date() > changeableUntil(booking);

  app.get("/book/manage/:token/reschedule", { config: { access: "anonymous" } }, async (request, reply) => {
    const found = await bookingFor(request);
    if (!found) return unusable(reply);
    if (tooLateToMove(found.booking)) return managePage(reply, found);
    const place = placeFor(found.booking, request.query);
    // A zone the address names but we don't know is said beside the chooser, as on the booking page.
    const asked = (request.query as Record<string, unknown> | undefined)?.zone;
    if (asked !== undefined && zoneSpelling(asked) === undefined)
      return movingTimesPage(request, reply, found, place, {
        zoneProblem: zoneWords.unknownZoneWhileMoving,
        status: 400,
      });
    return movingTimesPage(request, reply, found, place);
  });

  app.get(
    "/book/manage/:token/reschedule/confirm",
    { config: { access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      if (tooLateToMove(found.booking)) return managePage(reply, found);
      const place = placeFor(found.booking, request.query);
      const chosen = moveSchema.safeParse(request.query);
      if (!chosen.success)
        return movingTimesPage(request, reply, found, place, { problem: m.chooseTime, status: 400 });
      // The address can be kept or typed: a time no longer free goes back to the times, in the same place.
      if (!(await offeredForMove(found.booking, chosen.data.start)))
        return movingTimesPage(request, reply, found, place, { problem: m.noLongerFree, status: 409 });
      return confirmMovePage(request, reply, found, { ...place, start: chosen.data.start });
    },
  );

  app.post(
    "/book/manage/:token/reschedule",
    { config: { ...rateLimit, access: "anonymous" } },
    async (request, reply) => {
      const found = await bookingFor(request);
      if (!found) return unusable(reply);
      const place = placeFor(found.booking, request.body);
      return formPost({
        form: formOf(found.booking),
        read: (body) => ({ start: (body as Record<string, unknown> | undefined)?.start }),
        schema: moveSchema,
        // The one field is the choice of time: its problem is the page's, shown where it was chosen.
        rerender: (request, reply, status, { errors, problem }) =>
          movingTimesPage(request, reply, found, place, { problem: problem ?? errors?.start, status }),
        // A page left open a long time: the same step again, with a fresh form, if the time is still a time.
        notGenuine: (request, reply, values) => {
          const chosen = moveSchema.safeParse(values);
          if (!chosen.success)
            return movingTimesPage(request, reply, found, place, {
              problem: m.rescheduleExpired,
              status: 403,
            });
          const choice = { ...place, start: chosen.data.start };
          return confirmMovePage(request, reply, found, choice, m.manageExpired, 403);
        },
        handle: async ({ request, reply, data }) => {
          const move = { bookingId: found.booking.id, start: data.start, visitorTimeZone: place.zone };
          const outcome = await rescheduleBooking(db, keys, move, mail);
          if (outcome.ok) {
            app.jobs.wake();
            const notice = found.booking.status === "requested" ? "request-moved" : "moved";
            return reply.redirect(`/book/manage/${found.token}?notice=${notice}`, 303);
          }
          if (outcome.reason === "too-late" || outcome.reason === "not-active")
            return managePage(reply, found, { status: 409 });
          // Just taken: the same week in the same zone, with the nearest free times first (as booking does).
          const again = { problem: m.rescheduleTaken, status: 409, wanted: data.start };
          return movingTimesPage(request, reply, found, place, again);
        },
      })(request, reply);
    },
  );
}
