import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { firstIssuePerField } from "../../../platform/web/form-post.ts";
import { formIsGenuine, formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { accountMessages } from "../../accounts/messages.ts";
import { containsCrisisWords } from "../../assessments/self-check/crisis-words.ts";
import {
  forgetReflection,
  readReflection,
  reflectionCookie,
} from "../../assessments/self-check/self-check-handoff.ts";
import { bookConsultation } from "../book-consultation.ts";
import { isValidTimeZone, type Slot } from "../compute-slots.ts";
import { bookableTherapists, bookFirstAvailable, offeredBy } from "../group/group-practice.ts";
import { manageToken } from "../manage-link.ts";
import { approvalRequiredBy } from "../therapist-availability.ts";
import { bookingChoiceSchema, crossFieldProblems, visitorDetailsSchema } from "../visitor-details.ts";
import { BookedWithHelpPage } from "./booked-with-help-page.tsx";
import { type BookingFrame, siteFrame } from "./booking-frame.tsx";
import { DetailsPage, type DetailsValues } from "./details-page.tsx";
import { NoBookingPage } from "./no-booking-page.tsx";
import { type Kind, KindPage, TimesPage } from "./times-page.tsx";

const DAY = 86_400_000;
const bookingRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };
const kindSchema = z.enum(["individual", "couple", "unsure"]);
const listQuery = z.object({
  kind: kindSchema.optional().catch(undefined),
  zone: z.string().optional().catch(undefined),
  with: z.string().optional().catch(undefined),
  week: z.coerce.number().int().min(0).max(60).optional().catch(undefined),
});

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const text = (request: FastifyRequest, field: string) => {
  const value = body(request)[field];
  return typeof value === "string" ? value : "";
};
const many = (request: FastifyRequest, field: string) => {
  const value = body(request)[field];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
};

/** Midnight at the start of the visitor's day, `weeks` weeks from today, as epoch ms. */
function weekStart(now: number, zone: string, weeks: number): number {
  return Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(zone)
    .startOfDay()
    .add({ days: 7 * weeks })
    .toInstant().epochMilliseconds;
}

/**
 * The visitor's flow: kind → a time in their own zone → details → the booking and its manage link. The
 * same flow serves the site (`/book`) and the embed framed in a practice's own site (`/embed/book`).
 */
export function registerBookingRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  frame: BookingFrame = siteFrame,
): void {
  const { db, site, keys, publicUrl, bookingMail: mail } = ctx;
  const key = keys.current;
  const base = frame.base;

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

  /**
   * Whom the visitor books with. One therapist: them, and no choice is shown. A group practice: the one
   * chosen, or "any" (first available, the default). A therapist chosen earlier who no longer takes
   * bookings is `gone`: whom someone sees can be a deliberate, even a safety, choice, so they are never
   * quietly booked with someone else.
   */
  const whoFor = async (raw: string | undefined) => {
    const therapists = await bookableTherapists(db);
    if (therapists.length === 0) return undefined;
    const single = therapists.length === 1;
    const known = therapists.some((t) => t.id === raw);
    const gone = raw !== undefined && raw !== "" && raw !== "any" && !known;
    const chosen = single ? (therapists[0]?.id as string) : known ? (raw as string) : "any";
    const ids = chosen === "any" ? therapists.map((t) => t.id) : [chosen];
    return { ids, gone, choice: single ? undefined : { therapists, chosen } };
  };
  type Who = NonNullable<Awaited<ReturnType<typeof whoFor>>>;
  const goneProblem =
    "The therapist you chose isn't taking bookings online just now. You can choose someone else, or contact the practice.";

  /**
   * Whether the form says "request": when any therapist who might take this time approves first, the
   * visitor is told it may need confirming, rather than promised a booking that turns out a request.
   */
  const approvalFirst = async (who: Who, start: number) => {
    const around = await offeredBy(db, who.ids, { from: start - DAY, to: start + DAY }, Date.now());
    const candidates = around.slots.find((slot) => slot.start === start)?.therapistIds ?? who.ids;
    return (await Promise.all(candidates.map((id) => approvalRequiredBy(db, id)))).some(Boolean);
  };

  /** Offered times for whom the visitor chose, in a window (or the whole horizon). */
  const offered = async (who: Who, window?: { from: number; to: number }) => {
    const now = Date.now();
    const span = window ?? { from: now, to: now + 400 * DAY };
    const { slots, horizonDays } = await offeredBy(db, who.ids, span, now);
    if (horizonDays === 0) return undefined;
    return { slots, horizonDays };
  };

  const timesPage = async (
    reply: FastifyReply,
    choice: { kind: Kind; zone: string; zoneChosen: boolean; week: number; with?: string | undefined },
    status = 200,
    problem?: string,
  ) => {
    const who = await whoFor(choice.with);
    const all = who && (await offered(who));
    if (!who || !all) return sendPrivate(reply, renderPage(<NoBookingPage site={site} frame={frame} />));
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
          problem={problem ?? (who.gone ? goneProblem : undefined)}
        />,
      ),
      status,
    );
  };

  app.get(base, { config: { access: "public" } }, async (request, reply) => {
    const query = listQuery.parse(request.query);
    if (!query.kind) return sendPrivate(reply, renderPage(<KindPage site={site} frame={frame} />));
    const zoneChosen = query.zone !== undefined && isValidTimeZone(query.zone);
    const zone = zoneChosen ? (query.zone as string) : site.practice.timeZone;
    return timesPage(reply, { kind: query.kind, zone, zoneChosen, week: query.week ?? 0, with: query.with });
  });

  const detailsPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      kind: Kind;
      zone: string;
      start: number;
      who: Who;
      submissionId?: string;
      alternatives?: Slot[];
      values?: DetailsValues;
      errors?: Record<string, string>;
      problem?: string;
    },
    status = 200,
  ) =>
    Promise.all([reflectionFor(request), approvalFirst(state.who, state.start)]).then(
      ([reflection, approvalRequired]) =>
        sendPrivate(
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
                token: formTokenFor(request, key, "book", "anonymous"),
                submissionId: state.submissionId ?? randomUUID(),
                ...(state.values ? { values: state.values } : {}),
                ...(state.errors ? { errors: state.errors } : {}),
                problem: state.problem,
              }}
            />,
          ),
          status,
        ),
    );

  app.get(`${base}/details`, { config: { access: "public" } }, async (request, reply) => {
    const query = z
      .object({
        kind: kindSchema,
        zone: z.string().refine(isValidTimeZone),
        start: z.coerce.number().int().positive().max(8_000_000_000_000),
        with: z.string().optional(),
      })
      .safeParse(request.query);
    if (!query.success) return reply.redirect(base, 303);
    const { kind, zone, start } = query.data;
    const who = await whoFor(query.data.with);
    if (who?.gone) return timesPage(reply, { kind, zone, zoneChosen: true, week: 0 }, 409, goneProblem);
    const around = who && (await offered(who, { from: start - DAY, to: start + DAY }));
    if (!who || !around?.slots.some((s) => s.start === start)) {
      return timesPage(
        reply,
        { kind, zone, zoneChosen: true, week: 0, with: query.data.with },
        409,
        "That time is no longer free. Please choose another.",
      );
    }
    return detailsPage(request, reply, { kind, zone, start, who });
  });

  app.post(base, { config: { ...bookingRateLimit, access: "public" } }, async (request, reply) => {
    const choice = bookingChoiceSchema.safeParse({
      kind: text(request, "kind"),
      start: text(request, "start"),
      zone: text(request, "zone"),
      submissionId: text(request, "submissionId"),
    });
    if (!choice.success) return reply.redirect(base, 303);
    const { kind, start, zone, submissionId } = choice.data;
    const values: DetailsValues = {
      name: text(request, "name"),
      email: text(request, "email"),
      phone: text(request, "phone"),
      contactBy: many(request, "contactBy"),
      leaveMessage: text(request, "leaveMessage"),
      meeting: text(request, "meeting"),
      note: text(request, "note"),
      noteConsent: text(request, "noteConsent") === "yes",
      adult: text(request, "adult") === "yes",
      privacy: text(request, "privacy") === "yes",
    };
    const who = await whoFor(text(request, "with") || undefined);
    if (!who) return sendPrivate(reply, renderPage(<NoBookingPage site={site} frame={frame} />), 409);
    if (who.gone) return timesPage(reply, { kind, zone, zoneChosen: true, week: 0 }, 409, goneProblem);
    const again = (
      status: number,
      extra: { errors?: Record<string, string>; problem?: string; alternatives?: Slot[] },
    ) => detailsPage(request, reply, { kind, zone, start, who, submissionId, values, ...extra }, status);
    if (!formIsGenuine(request, key, "book", "anonymous", publicUrl))
      return again(403, { problem: accountMessages.formExpired });
    if (text(request, "website") !== "")
      return again(400, {
        problem: "Something about that didn't work. Please check your details and try again.",
      });
    const parsed = visitorDetailsSchema.safeParse(values);
    const errors: Record<string, string> = crossFieldProblems(values);
    if (!parsed.success)
      for (const [field, message] of Object.entries(firstIssuePerField(parsed.error)))
        errors[field] ??= message;
    if (!parsed.success || Object.keys(errors).length > 0) return again(400, { errors });
    const details = parsed.data;
    const reflection = await reflectionFor(request);
    const booking = {
      start,
      kind,
      // Told to the therapist without the words, whether or not the note itself is kept.
      crisisWords: request.crisisWords,
      meeting: details.meeting,
      visitorTimeZone: zone,
      submissionId,
      visitor: {
        name: details.name,
        email: details.email,
        phone: details.phone,
        contactBy: details.contactBy,
        leaveMessage: details.leaveMessage === "yes",
        // A note is kept only with its own consent (the form explains this beside the box).
        note: details.noteConsent ? details.note : "",
        ...(reflection ? { reflection } : {}),
      },
    };
    // First available goes to whoever of those free then was booked least recently (issue 5, item 6).
    const outcome =
      who.ids.length === 1
        ? await bookConsultation(
            db,
            keys,
            { ...booking, therapistId: who.ids[0] as string },
            new Date(),
            mail,
          )
        : await bookFirstAvailable(db, keys, booking, who.ids, new Date(), mail);
    if (outcome.ok) {
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
      if (request.crisisWords)
        return sendPrivate(
          reply,
          renderPage(
            <BookedWithHelpPage
              site={site}
              frame={frame}
              requested={outcome.status === "requested"}
              manageUrl={manageUrl}
            />,
          ),
        );
      return reply.redirect(manageUrl, 303);
    }
    if (outcome.reason === "too-many") {
      return again(409, {
        problem:
          "We couldn't book this time for that email address. If you already have a consultation booked, the link in its confirmation lets you change it; or please contact the practice.",
      });
    }
    const alternatives = outcome.alternatives;
    const problem =
      outcome.reason === "taken"
        ? "Sorry — someone booked that time a moment ago. Here are the nearest free times; everything you typed is kept."
        : "That time isn't one we offer. Please choose one of these.";
    return again(409, { problem, alternatives });
  });
}
