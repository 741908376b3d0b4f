import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { addToCalendarLinks } from "../add-to-calendar-links.ts";
import { bookingEvent, meetingPlace } from "../booking-emails.ts";
import { type BookingRecord, loadBooking } from "../booking-record.ts";
import { changeableUntil, inGraceUntil, rulesForMoving } from "../change-booking.ts";
import { bookingIdFromManageToken } from "../manage-link.ts";
import { nearestSlots } from "../nearest-slots.ts";
import { statusAt } from "../request-expiry.ts";
import { loadAvailability } from "../therapist-availability.ts";
import { bookUrl } from "./book-url.ts";
import type { BookingFrame } from "./booking-frame.tsx";
import { type CancelForm, CancelPage } from "./cancel-page.tsx";
import { ConfirmMovePage } from "./confirm-move-page.tsx";
import { ManagePage } from "./manage-page.tsx";
import { NearestMoves } from "./nearest-moves.tsx";
import { offeredIn, reachDays, timesInWeeks, weekHolding } from "./times-in-weeks.ts";
import { TimesPage } from "./times-page.tsx";
import { UnusableLinkPage } from "./unusable-link-page.tsx";
import { webLink } from "./web-link.ts";

export type ManageFound = { booking: BookingRecord; token: string };
/**
 * Where the visitor is on the moving times page: the zone the times are shown in, and the week (when none
 * was asked for, the week of the time the booking holds, so it is seen among its neighbours).
 */
export type MovePlace = { zone: string; week?: number | undefined };
/** A time chosen to move to, and the place it was chosen in. */
export type MoveChoice = MovePlace & { start: number };

const DAY = 86_400_000;

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

  /**
   * The times a booking may move to, as the booking page's times are computed (record 061): its own time
   * does not stand in its way (so a neighbouring time can be chosen) and is never offered back to it.
   */
  const movingOffer = async (
    booking: BookingRecord,
    now: number,
    window = { from: now, to: now + reachDays * DAY },
  ) => {
    const availability = await loadAvailability(db, booking.therapistId, window, booking.id);
    if (!availability) return undefined;
    const rules = rulesForMoving(booking, availability);
    const { bookings, busy } = availability;
    return { therapistId: booking.therapistId, rules, bookings, busy, holds: booking.startsAt.getTime() };
  };

  /**
   * Choosing another time: the booking's times page under the manage link, in the zone and week asked for
   * (record 065). After a move's time was just taken (`wanted`), the nearest free ones come first.
   */
  const movingTimesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ManageFound,
    place: MovePlace,
    extra: { problem?: string; zoneProblem?: string; status?: number; wanted?: number } = {},
  ) => {
    const { booking, token } = found;
    const now = Date.now();
    const offer = await movingOffer(booking, now);
    const offers = offer ? [offer] : [];
    const horizonDays = offer?.rules.horizonDays ?? 0;
    const current = booking.startsAt.getTime();
    const currentWeek = weekHolding(now, place.zone, current);
    const week = place.week ?? currentWeek;
    const times = timesInWeeks({ offers, horizonDays, now, zone: place.zone, week });
    const { wanted } = extra;
    const nearest =
      wanted === undefined
        ? []
        : nearestSlots(offeredIn(offers, now, wanted - 2 * DAY, wanted + 2 * DAY), wanted);
    const path = `/book/manage/${token}/reschedule`;
    const formToken = formTokenFor(request, key, formName(booking), "anonymous");
    return sendPrivate(
      reply,
      renderPage(
        <TimesPage
          site={site}
          kind={booking.kind}
          zone={place.zone}
          zoneChosen
          {...times}
          problem={extra.problem}
          zoneProblem={extra.zoneProblem}
          moving={{
            path,
            confirmLink: (start, week) => bookUrl(`${path}/confirm`, { start, zone: place.zone, week }),
            back: `/book/manage/${token}`,
            current,
            currentWeek,
          }}
          lead={
            <NearestMoves
              token={token}
              nearest={nearest}
              zone={place.zone}
              week={times.week}
              formToken={formToken}
            />
          }
        />,
      ),
      extra.status ?? 200,
    );
  };

  /** Whether a time is one the booking may move to now (the confirm step's address can be typed). */
  const offeredForMove = async (booking: BookingRecord, start: number) => {
    const now = Date.now();
    // Only the days around it: the buffers and the daily limit reach no further (loadAvailability adds a day).
    const offer = await movingOffer(booking, now, { from: start - DAY, to: start + DAY });
    return (
      offer !== undefined && offeredIn([offer], now, start - DAY, start + DAY).some((s) => s.start === start)
    );
  };

  /** The step that confirms a move, with its problem when shown again. */
  const confirmMovePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ManageFound,
    choice: MoveChoice,
    problem?: string,
    status = 200,
  ) => {
    const { booking, token } = found;
    return sendPrivate(
      reply,
      renderPage(
        <ConfirmMovePage
          site={site}
          view={{
            token,
            current: booking.startsAt.getTime(),
            ...choice,
            bookingZone: booking.visitorTimeZone,
            kind: booking.kind,
            meeting: booking.meeting,
            therapistName: booking.therapist.name,
            requested: booking.status === "requested",
          }}
          formToken={formTokenFor(request, key, formName(booking), "anonymous")}
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

  return {
    bookingFor,
    unusable,
    formName,
    managePage,
    movingTimesPage,
    offeredForMove,
    confirmMovePage,
    cancelPage,
  };
}
