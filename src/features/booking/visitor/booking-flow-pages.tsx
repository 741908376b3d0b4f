import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Temporal } from "temporal-polyfill";
import type { AppContext } from "../../../app-context.ts";
import type { FieldErrors } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { containsCrisisWords } from "../../assessments/self-check/crisis-words.ts";
import { readReflection, reflectionCookie } from "../../assessments/self-check/self-check-handoff.ts";
import type { Slot } from "../compute-slots.ts";
import type { BookingFrame } from "./booking-frame.tsx";
import { DetailsPage, type DetailsValues } from "./details-page.tsx";
import { visitorMessages as m } from "./messages.ts";
import { NoBookingPage } from "./no-booking-page.tsx";
import { type Kind, TimesPage } from "./times-page.tsx";
import { approvalFirst, offeredTimes, type Who, whomToBook } from "./whom-to-book.ts";

const DAY = 86_400_000;

/** Midnight at the start of the visitor's day, `weeks` weeks from today, as epoch ms. */
function weekStart(now: number, zone: string, weeks: number): number {
  return Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .startOfDay()
    .add({ days: 7 * weeks })
    .toInstant().epochMilliseconds;
}

export type TimesChoice = {
  kind: Kind;
  zone: string;
  zoneChosen: boolean;
  week: number;
  with?: string | undefined;
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
  const { db, site, keys } = ctx;

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
    const all = who && (await offeredTimes(db, who));
    if (!who || !all) return noBooking(reply);
    const now = Date.now();
    const first = weekStart(now, choice.zone, 0);
    const lastWeek = Math.ceil(all.horizonDays / 7);
    const weeks = Array.from({ length: lastWeek + 1 }, (_, w) => {
      const from = weekStart(now, choice.zone, w);
      const to = weekStart(now, choice.zone, w + 1);
      return all.slots.filter((s) => s.start >= from && s.start < to);
    });
    const next = all.slots[0];
    return sendPrivate(
      reply,
      renderPage(
        <TimesPage
          site={site}
          frame={frame}
          who={who.choice}
          {...choice}
          week={Math.min(choice.week, lastWeek)}
          lastWeek={lastWeek}
          weeks={weeks}
          nextAvailable={next}
          nextAvailableWeek={next ? Math.floor((next.start - first) / (7 * DAY)) : undefined}
          problem={problem ?? (who.gone ? m.therapistGone : undefined)}
        />,
      ),
      status,
    );
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
