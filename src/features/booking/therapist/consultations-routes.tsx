import { and, eq, gt } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { actionPost, fieldText } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { type AnswerOutcome, approveRequest, declineRequest } from "../answer-request.ts";
import { bookings } from "../booking.schema.ts";
import { openVisitor } from "../booking-record.ts";
import { holdsItsTimeAt } from "../holds-its-time.ts";
import { cancelledAhead } from "./cancelled-consultations.ts";
import { registerChangeConsultationRoutes } from "./change-consultation-routes.tsx";
import { type Consultation, ConsultationsPage } from "./consultations-page.tsx";
import { registerInviteFromConsultationRoutes } from "./invite-from-consultation-routes.tsx";
import { declineMessageMaxLength } from "./message-limits.ts";
import { answerWords, changeWords } from "./messages.ts";
import type { AnswerNotice, DeclineForm } from "./request-answer-forms.tsx";

const formName = "consultations";
const notices: Record<string, string> = { ...answerWords.notices, ...changeWords.notices };
const noticeParam = z.enum(Object.keys(notices) as [string, ...string[]]);
const bookingIdParam = z.object({ id: z.uuid() });

/** The therapist's own upcoming consultations, requests still waiting included; lapsed ones are not. */
async function upcomingFor(
  db: Database,
  keys: KeyRing,
  therapistId: string,
  now: Date,
): Promise<Consultation[]> {
  // Still listed while it is happening: until it ends.
  const rows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.therapistId, therapistId), holdsItsTimeAt(now), gt(bookings.endsAt, now)));
  return rows.map((row) => ({
    id: row.id,
    start: row.startsAt.getTime(),
    status: row.status === "requested" ? "requested" : "confirmed",
    expiresAt: row.expiresAt?.getTime(),
    kind: row.kind,
    meeting: row.meeting,
    visitorTimeZone: row.visitorTimeZone,
    visitor: openVisitor(keys, row),
  }));
}

/**
 * The therapist's consultations, and their answers to requests (record 038). Every opening of the list is
 * a staff read of visitors' details, and is audited; so is every answer, with no personal data.
 */
export function registerConsultationsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, bookingMail: mail } = ctx;
  const key = keys.current;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { problem?: string; decline?: DeclineForm } = {},
  ) => {
    const therapist = therapistOf(request);
    const now = new Date();
    const consultations = await upcomingFor(db, keys, therapist.id, now);
    const cancelled = await cancelledAhead(db, keys, therapist.id, now);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "consultations.viewed",
      detail: { count: consultations.length },
    });
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <ConsultationsPage
          site={site}
          zone={therapist.timeZone}
          consultations={consultations}
          cancelled={cancelled}
          answering={{ token: formTokenFor(request, key, formName, "session"), decline: state.decline }}
          notice={status === 200 && notice.success ? notices[notice.data] : undefined}
          problem={state.problem}
        />,
      ),
      status,
    );
  };

  app.get("/practice/consultations", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply, 200),
  );

  /** The pipeline both answers share: signed in → a genuine form → a real id → the use case → where it stands. */
  const answerRoute = (
    action: "approve" | "decline",
    answer: (
      therapistId: string,
      bookingId: string,
      request: FastifyRequest,
    ) => Promise<AnswerOutcome | DeclineForm>,
  ) =>
    app.post(
      `/practice/consultations/:id/${action}`,
      { config: { ...authRateLimit, access: "therapist" } },
      actionPost({
        form: { name: formName, scope: "session", keys: key, publicUrl },
        notGenuine: (request, reply) => page(request, reply, 403, { problem: webMessages.formExpired }),
        handle: async (request, reply) => {
          const params = bookingIdParam.safeParse(request.params);
          if (!params.success) return reply.callNotFound();
          const outcome = await answer(therapistOf(request).id, params.data.id, request);
          if ("bookingId" in outcome) return page(request, reply, 400, { decline: outcome });
          // Another therapist's request is answered exactly as one that does not exist.
          if (!outcome.ok && outcome.reason === "not-found") return reply.callNotFound();
          app.jobs.wake();
          const notice: AnswerNotice = outcome.ok
            ? action === "approve"
              ? "approved"
              : "declined"
            : outcome.reason;
          return reply.redirect(`/practice/consultations?notice=${notice}`, 303);
        },
      }),
    );

  registerChangeConsultationRoutes(app, ctx);
  registerInviteFromConsultationRoutes(app, ctx);

  answerRoute("approve", (therapistId, bookingId) =>
    approveRequest(db, keys, { therapistId, bookingId }, mail),
  );

  answerRoute("decline", (therapistId, bookingId, request) => {
    const message = fieldText(request.body, "message");
    if (message.trim().length > declineMessageMaxLength)
      return Promise.resolve({ bookingId, message, error: answerWords.messageTooLong });
    return declineRequest(db, keys, { therapistId, bookingId, message }, mail);
  });
}
