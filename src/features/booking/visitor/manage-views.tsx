import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { addToCalendarLinks } from "../add-to-calendar-links.ts";
import { bookingEvent, meetingPlace } from "../booking-emails.ts";
import { type BookingRecord, loadBooking } from "../booking-record.ts";
import { changeableUntil, inGraceUntil, rulesForMoving } from "../change-booking.ts";
import { computeSlots } from "../compute-slots.ts";
import { bookingIdFromManageToken } from "../manage-link.ts";
import { nearestSlots } from "../nearest-slots.ts";
import { statusAt } from "../request-expiry.ts";
import { loadAvailability } from "../therapist-availability.ts";
import type { BookingFrame } from "./booking-frame.tsx";
import { type CancelForm, CancelPage } from "./cancel-page.tsx";
import { ManagePage } from "./manage-page.tsx";
import { ReschedulePage } from "./reschedule-page.tsx";
import { UnusableLinkPage } from "./unusable-link-page.tsx";
import { webLink } from "./web-link.ts";

export type ManageFound = { booking: BookingRecord; token: string };

/** What the manage link's routes show: the booking it names, its page, choosing another time. */
export function manageViews(ctx: AppContext, frame: BookingFrame) {
  const { db, site, keys, bookingMail: mail } = ctx;
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

  const managePage = (
    reply: FastifyReply,
    found: ManageFound,
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
          notice={extra.notice}
          problem={extra.problem}
          view={{
            token,
            start: booking.startsAt.getTime(),
            zone: booking.visitorTimeZone,
            kind: booking.kind,
            meeting: booking.meeting,
            place: meetingPlace(booking),
            videoLink: booking.meeting === "video" ? webLink(booking.settings.videoLink) : undefined,
            status: statusAt(booking, now.getTime()),
            expiresAt: booking.expiresAt?.getTime(),
            declineMessage: booking.declineMessage,
            practiceMessage: booking.practiceMessage,
            therapistName: booking.therapist.name,
            changeable: now <= changeableUntil(booking),
            graceUntil: inGraceUntil(booking, now)?.getTime(),
            cutoffHours: booking.settings.cancellationCutoffHours,
            calendarLinks: addToCalendarLinks(event),
          }}
        />,
      ),
      extra.status ?? 200,
    );
  };

  const reschedulePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ManageFound,
    problem?: string,
    status = 200,
    /** A time the visitor chose that was just taken: the nearest free ones are offered first. */
    wanted?: number,
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
    const nearest = wanted === undefined ? [] : nearestSlots(slots, wanted);
    const others = slots.filter((s) => !nearest.includes(s));
    return sendPrivate(
      reply,
      renderPage(
        <ReschedulePage
          site={site}
          token={found.token}
          zone={found.booking.visitorTimeZone}
          nearest={nearest}
          slots={others.slice(0, 14 * 24)}
          formToken={formTokenFor(request, key, formName(found.booking), "anonymous")}
          problem={problem}
        />,
      ),
      status,
    );
  };

  /** The step before cancelling or withdrawing, with what was typed and its problem when shown again. */
  const cancelPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ManageFound,
    form: Omit<CancelForm, "token"> = {},
    status = 200,
  ) => {
    const { booking, token } = found;
    return sendPrivate(
      reply,
      renderPage(
        <CancelPage
          site={site}
          view={{
            token,
            start: booking.startsAt.getTime(),
            zone: booking.visitorTimeZone,
            kind: booking.kind,
            meeting: booking.meeting,
            therapistName: booking.therapist.name,
            requested: booking.status === "requested",
          }}
          form={{ ...form, token: formTokenFor(request, key, formName(booking), "anonymous") }}
        />,
      ),
      status,
    );
  };

  return { bookingFor, unusable, formName, managePage, reschedulePage, cancelPage };
}
