import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { formPost } from "../../../platform/web/form-post.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { forgetReflection, reflectionCookie } from "../../assessments/self-check/self-check-handoff.ts";
import { isValidTimeZone } from "../compute-slots.ts";
import { manageToken } from "../manage-link.ts";
import { zoneChooserMessages as zoneWords } from "../messages.ts";
import { bookVisitor } from "./book-visitor.ts";
import { BookedWithHelpPage } from "./booked-with-help-page.tsx";
import {
  bookingFormSchema,
  detailsQuery,
  readChoice,
  readDetails,
  readHoneypot,
  readWhom,
  timesQuery,
} from "./booking.form.ts";
import { bookingFlowPages } from "./booking-flow-pages.tsx";
import { type BookingFrame, siteFrame } from "./booking-frame.tsx";
import { KindPage } from "./kind-page.tsx";
import { visitorMessages as m } from "./messages.ts";
import { offeredTimes, whomToBook } from "./whom-to-book.ts";

const DAY = 86_400_000;

/** Whether the address names a zone at all, valid or not. */
const zoneAsked = (query: unknown) => (query as Record<string, unknown> | undefined)?.zone !== undefined;
const bookingRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/**
 * The visitor's flow: kind → a time in their own zone → details → the booking and its manage link. The
 * same flow serves the site (`/book`) and the embed framed in a practice's own site (`/embed/book`).
 */
export function registerBookingRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  frame: BookingFrame = siteFrame,
): void {
  const { db, site, keys, publicUrl } = ctx;
  const base = frame.base;
  const { handoffId, reflectionFor, noBooking, timesPage, detailsPage } = bookingFlowPages(ctx, frame);

  app.get(base, { config: { access: "public" } }, async (request, reply) => {
    const query = timesQuery.parse(request.query);
    if (!query.kind) return sendPrivate(reply, renderPage(<KindPage site={site} frame={frame} />));
    const zoneChosen = query.zone !== undefined && isValidTimeZone(query.zone);
    const zone = zoneChosen ? (query.zone as string) : site.practice.timeZone;
    const choice = { kind: query.kind, zone, zoneChosen, week: query.week ?? 0, with: query.with };
    // A zone the address names but we don't know (mistyped, cut short, given twice) is said beside the
    // chooser, not passed over in silence: the times would otherwise be in a zone the visitor didn't pick.
    if (!zoneChosen && zoneAsked(request.query))
      return timesPage(reply, { ...choice, zoneProblem: zoneWords.unknownZone }, 400);
    return timesPage(reply, choice);
  });

  app.get(`${base}/details`, { config: { access: "public" } }, async (request, reply) => {
    const query = detailsQuery.safeParse(request.query);
    if (!query.success) {
      // Only the zone wrong: the times again, in the practice's zone, with the chooser saying so.
      const { kind, with: withWhom } = timesQuery.parse(request.query);
      if (kind && zoneAsked(request.query) && query.error.issues.every((issue) => issue.path[0] === "zone")) {
        const choice = { kind, zone: site.practice.timeZone, zoneChosen: false, week: 0, with: withWhom };
        return timesPage(reply, { ...choice, zoneProblem: zoneWords.unknownZone }, 400);
      }
      return reply.redirect(base, 303);
    }
    const { kind, zone, start } = query.data;
    const who = await whomToBook(db, query.data.with);
    if (who?.gone) return timesPage(reply, { kind, zone, zoneChosen: true, week: 0 }, 409, m.therapistGone);
    const around = who && (await offeredTimes(db, who, { from: start - DAY, to: start + DAY }));
    if (!who || !around?.slots.some((s) => s.start === start)) {
      const choice = { kind, zone, zoneChosen: true, week: 0, with: query.data.with };
      return timesPage(reply, choice, 409, m.noLongerFree);
    }
    return detailsPage(request, reply, { kind, zone, start, who });
  });

  // The time chosen and whom with come first: without them there is no form to show again.
  app.post(base, { config: { ...bookingRateLimit, access: "public" } }, async (request, reply) => {
    const choice = readChoice(request.body);
    if (!choice.success) return reply.redirect(base, 303);
    const { kind, start, zone, submissionId } = choice.data;
    const who = await whomToBook(db, readWhom(request.body));
    if (!who) return noBooking(reply, 409);
    if (who.gone) return timesPage(reply, { kind, zone, zoneChosen: true, week: 0 }, 409, m.therapistGone);
    const state = { kind, zone, start, who, submissionId };
    return formPost({
      form: { name: "book", scope: "anonymous", keys: keys.current, publicUrl },
      read: readDetails,
      secrets: readHoneypot,
      schema: bookingFormSchema,
      // A filled honeypot says only that something didn't work, and nothing about the fields.
      rerender: (request, reply, status, { values, errors, problem }) =>
        errors?.website
          ? detailsPage(request, reply, { ...state, values, problem: m.notAPerson }, status)
          : detailsPage(request, reply, { ...state, values, errors, problem }, status),
      handle: async ({ request, reply, data, values }) => {
        const reflection = await reflectionFor(request);
        const crisisWords = request.crisisWords;
        const outcome = await bookVisitor(ctx, who, {
          choice: choice.data,
          details: data,
          crisisWords,
          reflection,
        });
        if (!outcome.ok) {
          const again = { ...state, values };
          if (outcome.reason === "too-many")
            return detailsPage(request, reply, { ...again, problem: m.tooManyForEmail }, 409);
          const problem = outcome.reason === "taken" ? m.justTaken : m.notOffered;
          return detailsPage(request, reply, { ...again, problem, alternatives: outcome.alternatives }, 409);
        }
        if (!outcome.repeated) app.jobs.wake();
        // The reflection now lives (encrypted) with the booking only.
        const handoff = handoffId(request);
        if (handoff) {
          await forgetReflection(db, handoff);
          reply.clearCookie(reflectionCookie, { path: "/book" });
        }
        // A repeated submit of a request that has since been answered shows its status without a notice.
        const notice =
          outcome.status === "requested"
            ? "?notice=requested"
            : outcome.status === "confirmed"
              ? "?notice=booked"
              : "";
        const manageUrl = `${base}/manage/${manageToken(keys, outcome.bookingId)}${notice}`;
        // Help first, in this answer only: the booking's own page is reopened later from a shared inbox.
        if (!crisisWords) return reply.redirect(manageUrl, 303);
        const requested = outcome.status === "requested";
        const page = (
          <BookedWithHelpPage site={site} frame={frame} requested={requested} manageUrl={manageUrl} />
        );
        return sendPrivate(reply, renderPage(page));
      },
    })(request, reply);
  });
}
