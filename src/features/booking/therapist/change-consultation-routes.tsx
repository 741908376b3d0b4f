import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { type ChangedBy, type ChangeOutcome, cancelBooking, rescheduleBooking } from "../change-booking.ts";
import { type ChangeAction, changeFormSchema, readChangeForm } from "./change-consultation.form.ts";
import {
  CancelConsultationPage,
  type ChangeForm,
  type ChangeTarget,
  MoveConsultationPage,
} from "./change-consultation-pages.tsx";
import { changeableConsultation, freeTimesToMoveTo } from "./changeable-consultation.ts";
import { changeWords } from "./messages.ts";

const formName = "consultation-change";
const idParam = z.object({ id: z.uuid() });
const _DAY = 86_400_000;

/**
 * The therapist cancels or moves one of their own confirmed consultations (issue 5, item 5), with an
 * optional message that goes to the visitor in the email with the updated calendar event. Another
 * therapist's consultation, a request, or one already cancelled is not found: ids reveal nothing.
 */
export function registerChangeConsultationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, bookingMail: mail } = ctx;

  const targetFor = (request: FastifyRequest) => {
    const params = idParam.safeParse(request.params);
    return params.success
      ? changeableConsultation(db, keys, therapistOf(request).id, params.data.id)
      : undefined;
  };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: "cancel" | "move",
    target: ChangeTarget,
    state: { form?: ChangeForm; problem?: string; status?: number } = {},
  ) => {
    const therapist = therapistOf(request);
    const token = formTokenFor(request, keys.current, formName, "session");
    const common = {
      site,
      zone: therapist.timeZone,
      target,
      token,
      form: state.form,
      problem: state.problem,
    };
    const html =
      action === "cancel"
        ? renderPage(<CancelConsultationPage {...common} />)
        : renderPage(
            <MoveConsultationPage {...common} slots={await freeTimesToMoveTo(db, therapist.id, target)} />,
          );
    return sendPrivate(reply, html, state.status ?? 200);
  };

  const finish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: "cancel" | "move",
    target: ChangeTarget,
    form: ChangeForm,
    outcome: ChangeOutcome,
  ) => {
    const therapist = therapistOf(request);
    if (!outcome.ok && (outcome.reason === "taken" || outcome.reason === "not-offered")) {
      return show(request, reply, action, target, {
        form: { ...form, start: undefined },
        problem: changeWords.timeTaken,
        status: 409,
      });
    }
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: action === "cancel" ? "consultation.cancelled-by-therapist" : "consultation.moved-by-therapist",
      subject: `booking:${target.id}`,
      detail: { outcome: outcome.ok ? "done" : outcome.reason, withMessage: form.message.trim() !== "" },
    });
    app.jobs.wake();
    const notice = outcome.ok
      ? action === "cancel"
        ? "practice-cancelled"
        : "practice-moved"
      : outcome.reason;
    return reply.redirect(`/practice/consultations?notice=${notice}`, 303);
  };

  /** Signed in → a consultation of theirs → a genuine form → a message that fits → the change. */
  const changePost =
    (
      action: ChangeAction,
      change: (target: ChangeTarget, start: number | undefined, who: ChangedBy) => Promise<ChangeOutcome>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const target = await targetFor(request);
      if (!target) return reply.callNotFound();
      return formPost({
        form: { name: formName, scope: "session", keys: keys.current, publicUrl },
        read: (body) => readChangeForm(action, body),
        schema: changeFormSchema(action),
        rerender: (request, reply, status, { values, errors, problem }) =>
          show(request, reply, action, target, {
            form: errors ? { ...values, errors } : values,
            problem,
            status,
          }),
        handle: async ({ request, reply, data, values }) => {
          const who = {
            by: "therapist" as const,
            therapistId: therapistOf(request).id,
            message: data.message.trim(),
          };
          const outcome = await change(target, data.start, who);
          return finish(request, reply, action, target, values, outcome);
        },
      })(request, reply);
    };

  for (const action of ["cancel", "move"] as const) {
    app.get(
      `/practice/consultations/:id/${action}`,
      { config: { access: "therapist" } },
      async (request, reply) => {
        const target = await targetFor(request);
        if (!target) return reply.callNotFound();
        return show(request, reply, action, target);
      },
    );
  }

  app.post(
    "/practice/consultations/:id/cancel",
    { config: { ...authRateLimit, access: "therapist" } },
    changePost("cancel", (target, _start, who) => cancelBooking(db, keys, target.id, mail, new Date(), who)),
  );

  app.post(
    "/practice/consultations/:id/move",
    { config: { ...authRateLimit, access: "therapist" } },
    changePost("move", (target, start, who) =>
      rescheduleBooking(db, keys, { bookingId: target.id, start: start as number }, mail, new Date(), who),
    ),
  );
}
