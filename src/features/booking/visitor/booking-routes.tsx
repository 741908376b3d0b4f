import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { formIsGenuine, formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import type { SiteContext } from "../../../platform/web/site-context.ts";
import { accountMessages } from "../../accounts/messages.ts";
import { containsCrisisWords } from "../../assessments/self-check/crisis-words.ts";
import {
  forgetReflection,
  readReflection,
  reflectionCookie,
} from "../../assessments/self-check/self-check-handoff.ts";
import { bookConsultation } from "../book-consultation.ts";
import type { BookingMailContext } from "../booking-emails.ts";
import { computeSlots, isValidTimeZone, type Slot } from "../compute-slots.ts";
import { manageToken } from "../manage-link.ts";
import { approvalRequiredBy, bookableTherapistId, loadAvailability } from "../therapist-availability.ts";
import { bookingChoiceSchema, crossFieldProblems, visitorDetailsSchema } from "../visitor-details.ts";
import { type BookingFrame, siteFrame } from "./booking-frame.tsx";
import { DetailsPage, type DetailsValues } from "./details-page.tsx";
import { NoBookingPage } from "./no-booking-page.tsx";
import { type Kind, KindPage, TimesPage } from "./times-page.tsx";

type Deps = { db: Database; site: SiteContext; keys: KeyRing; publicUrl: URL; mail: BookingMailContext };

const DAY = 86_400_000;
const bookingRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };
const kindSchema = z.enum(["individual", "couple", "unsure"]);
const listQuery = z.object({
  kind: kindSchema.optional().catch(undefined),
  zone: z.string().optional().catch(undefined),
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
  deps: Deps,
  frame: BookingFrame = siteFrame,
): void {
  const { db, site, keys, publicUrl, mail } = deps;
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

  /** Whether the bookable therapist approves each booking first, so the form says "request". */
  const approvalFirst = async () => {
    const therapistId = await bookableTherapistId(db);
    return therapistId ? approvalRequiredBy(db, therapistId) : false;
  };

  /** Offered times for the bookable therapist in a window (or the whole horizon). */
  const offered = async (window?: { from: number; to: number }) => {
    const therapistId = await bookableTherapistId(db);
    if (!therapistId) return undefined;
    const now = Date.now();
    const span = window ?? { from: now, to: now + 400 * DAY };
    const availability = await loadAvailability(db, therapistId, span);
    if (!availability?.settings.acceptsBookings) return undefined;
    const slots = computeSlots({
      rules: availability.rules,
      bookings: availability.bookings,
      busy: availability.busy,
      now,
      ...span,
    });
    return { therapistId, slots, horizonDays: availability.rules.horizonDays };
  };

  const timesPage = async (
    reply: FastifyReply,
    choice: { kind: Kind; zone: string; zoneChosen: boolean; week: number },
    status = 200,
    problem?: string,
  ) => {
    const all = await offered();
    if (!all) return sendPrivate(reply, renderPage(<NoBookingPage site={site} frame={frame} />));
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
          {...choice}
          week={Math.min(choice.week, lastWeek)}
          lastWeek={lastWeek}
          weeks={weeks}
          nextAvailable={next}
          nextAvailableWeek={next ? Math.floor((next.start - first) / (7 * DAY)) : undefined}
          problem={problem}
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
    return timesPage(reply, { kind: query.kind, zone, zoneChosen, week: query.week ?? 0 });
  });

  const detailsPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      kind: Kind;
      zone: string;
      start: number;
      submissionId?: string;
      alternatives?: Slot[];
      values?: DetailsValues;
      errors?: Record<string, string>;
      problem?: string;
    },
    status = 200,
  ) =>
    Promise.all([reflectionFor(request), approvalFirst()]).then(([reflection, approvalRequired]) =>
      sendPrivate(
        reply,
        renderPage(
          <DetailsPage
            site={site}
            frame={frame}
            kind={state.kind}
            zone={state.zone}
            start={state.start}
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
      })
      .safeParse(request.query);
    if (!query.success) return reply.redirect(base, 303);
    const { kind, zone, start } = query.data;
    const around = await offered({ from: start - DAY, to: start + DAY });
    if (!around?.slots.some((s) => s.start === start)) {
      return timesPage(
        reply,
        { kind, zone, zoneChosen: true, week: 0 },
        409,
        "That time is no longer free. Please choose another.",
      );
    }
    return detailsPage(request, reply, { kind, zone, start });
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
    const again = (
      status: number,
      extra: { errors?: Record<string, string>; problem?: string; alternatives?: Slot[] },
    ) => detailsPage(request, reply, { kind, zone, start, submissionId, values, ...extra }, status);
    if (!formIsGenuine(request, key, "book", "anonymous", publicUrl))
      return again(403, { problem: accountMessages.formExpired });
    if (text(request, "website") !== "")
      return again(400, {
        problem: "Something about that didn't work. Please check your details and try again.",
      });
    const parsed = visitorDetailsSchema.safeParse(values);
    const errors: Record<string, string> = crossFieldProblems(values);
    if (!parsed.success)
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    if (!parsed.success || Object.keys(errors).length > 0) return again(400, { errors });
    const therapistId = await bookableTherapistId(db);
    if (!therapistId) return sendPrivate(reply, renderPage(<NoBookingPage site={site} frame={frame} />), 409);
    const details = parsed.data;
    const reflection = await reflectionFor(request);
    const outcome = await bookConsultation(
      db,
      keys,
      {
        therapistId,
        start,
        kind,
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
      },
      new Date(),
      mail,
    );
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
      return reply.redirect(`${base}/manage/${manageToken(keys, outcome.bookingId)}${notice}`, 303);
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
