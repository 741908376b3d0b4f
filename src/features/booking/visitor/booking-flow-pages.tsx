import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import type { FieldErrors } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { RenderedPages } from "../../../platform/web/rendered-pages.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { signedInNav } from "../../../platform/web/signed-in-nav.ts";
import { containsCrisisWords } from "../../assessments/self-check/crisis-words.ts";
import { readReflection, reflectionCookie } from "../../assessments/self-check/self-check-handoff.ts";
import type { Slot } from "../compute-slots.ts";
import type { BookingFrame } from "./booking-frame.tsx";
import { DetailsPage, type DetailsValues } from "./details-page.tsx";
import { visitorMessages as m } from "./messages.ts";
import { NoBookingPage } from "./no-booking-page.tsx";
import { timesInWeeks } from "./times-in-weeks.ts";
import { type Kind, TimesPage } from "./times-page.tsx";
import { approvalFirst, offersFor, type Who, whomToBook } from "./whom-to-book.ts";

const MINUTE = 60_000;

export type TimesChoice = {
  kind: Kind;
  zone: string;
  zoneChosen: boolean;
  week: number;
  with?: string | undefined;
  /** Beside the zone chooser, when the address named a zone we don't know. */
  zoneProblem?: string | undefined;
};

export type DetailsState = {
  kind: Kind;
  zone: string;
  start: number;
  who: Who;
  submissionId?: string;
  alternatives?: Slot[];
  values?: DetailsValues;
  errors?: FieldErrors | undefined;
  problem?: string | undefined;
};

/** The booking flow's pages and what they need to know, for the site (`/book`) or the embed. */
export function bookingFlowPages(ctx: AppContext, frame: BookingFrame) {
  const { db, site, keys, settings } = ctx;
  const renderedTimes = new RenderedPages();

  /**
   * The self-check hand-off's id. Never inside an embed: that cookie is the site's own (Path=/book), and
   * the embedded flow sets and needs no cookie, as browsers block them in another site's frame (record 041).
   */
  const handoffId = (request: FastifyRequest) =>
    frame.embedded ? undefined : request.cookies[reflectionCookie];

  /** The self-check reflection this visitor chose to bring to their booking, if one is waiting. */
  const reflectionFor = (request: FastifyRequest) => {
    const id = handoffId(request);
    return id ? readReflection(db, keys, id) : Promise.resolve(undefined);
  };

  const noBooking = (reply: FastifyReply, status?: number) =>
    sendPrivate(reply, renderPage(<NoBookingPage site={site} frame={frame} />), status);

  const timesPage = async (reply: FastifyReply, choice: TimesChoice, status = 200, problem?: string) => {
    const who = await whomToBook(db, choice.with);
    const now = Date.now();
    const offered = who && (await offersFor(db, who, now));
    if (!who || !offered) return noBooking(reply);
    // Only the weeks the page holds are computed, from inputs held in memory (record 061).
    const times = timesInWeeks({ ...offered, now, zone: choice.zone, week: choice.week });
    const shownProblem = problem ?? (who.gone ? m.therapistGone : undefined);
    // The zone chooser's offsets are for this minute (clocks change on a whole minute), so the page is a
    // function of what the key holds, and the same times and choices are rendered once (record 074).
    const minute = now - (now % MINUTE);
    const key = JSON.stringify([settings.version, minute, choice, who.choice, shownProblem, times]);
    const render = () =>
      renderPage(
        <TimesPage
          site={site}
          frame={frame}
          who={who.choice}
          {...choice}
          {...times}
          problem={shownProblem}
          now={minute}
        />,
      );
    // A page with someone's own header (and its sign-out token) is never kept: the key does not hold it.
    // The booking routes are public, so this is only a guard should a signed-in route show this page.
    const html = signedInNav() ? render() : renderedTimes.get(key, render);
    return sendPrivate(reply, html, status);
  };

  const detailsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: DetailsState,
    status = 200,
  ) => {
    const [reflection, approvalRequired] = await Promise.all([
      reflectionFor(request),
      approvalFirst(db, state.who, state.start),
    ]);
    return sendPrivate(
      reply,
      renderPage(
        <DetailsPage
          site={site}
          frame={frame}
          kind={state.kind}
          zone={state.zone}
          start={state.start}
          withWhom={state.who.choice?.chosen}
          alternatives={state.alternatives}
          reflectionWaiting={reflection !== undefined}
          approvalRequired={approvalRequired}
          crisis={containsCrisisWords(state.values?.note ?? "")}
          form={{
            token: formTokenFor(request, keys.current, "book", "anonymous"),
            submissionId: state.submissionId ?? randomUUID(),
            ...(state.values ? { values: state.values } : {}),
            ...(state.errors ? { errors: state.errors } : {}),
            problem: state.problem,
          }}
        />,
      ),
      status,
    );
  };

  return { handoffId, reflectionFor, noBooking, timesPage, detailsPage };
}
