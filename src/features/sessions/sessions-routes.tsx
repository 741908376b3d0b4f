import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { clientForTherapist } from "../practice/client-for-therapist.ts";
import { sessionPageWords as w } from "./messages.ts";
import { readSchedule, type ScheduleValues, scheduleSchema } from "./schedule.form.ts";
import { scheduleSessions } from "./schedule-sessions.ts";
import { upcomingSessionsOf } from "./session-list.ts";
import { SessionsPage } from "./sessions-page.tsx";

const noticeParam = z.enum(Object.keys(w.notices) as [string, ...string[]]);
export const scheduleFormName = "schedule-sessions";
export const cancelFormName = "cancel-session";

/**
 * The therapist's sessions with one client: the list (a staff read of who they see and when, audited) and
 * the form to book more, once or weekly. Moving and cancelling one are in session-change-routes.tsx.
 */
export function registerSessionsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, keys, site, publicUrl, bookingMail } = ctx;
  const key = keys.current;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: Partial<FormState<ScheduleValues>> = {},
  ) => {
    const found = await clientForTherapist(db, request);
    if (!found) return reply.callNotFound();
    const therapist = therapistOf(request);
    const { row } = found;
    const sessions = await upcomingSessionsOf(db, row, new Date());
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "sessions.viewed",
      subject: `client:${row.id}`,
      detail: { count: sessions.length },
    });
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <SessionsPage
          site={site}
          clientId={row.id}
          name={openClientField(keys, row.id, "name_encrypted", row.nameEncrypted)}
          inCouple={row.coupleId !== null}
          zone={therapist.timeZone}
          sessions={sessions}
          notice={status === 200 && notice.success ? w.notices[notice.data] : undefined}
          cancelToken={formTokenFor(request, key, cancelFormName, "session")}
          form={{ token: formTokenFor(request, key, scheduleFormName, "session"), ...state }}
        />,
      ),
      status,
    );
  };

  app.get("/practice/clients/:id/sessions", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply, 200),
  );

  app.post(
    "/practice/clients/:id/sessions",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: scheduleFormName, scope: "session", keys: key, publicUrl },
      read: readSchedule,
      schema: () => scheduleSchema(dateInputFormat(site.practice)),
      rerender: page,
      problemWhenInvalid: w.problemWhenInvalid,
      handle: async ({ request, reply, data, invalid }) => {
        const found = await clientForTherapist(db, request);
        if (!found) return reply.callNotFound();
        const { row } = found;
        if (data.forWhom === "couple" && row.coupleId === null) return invalid({ forWhom: w.errors.forWhom });
        const outcome = await scheduleSessions(
          db,
          keys,
          {
            therapistId: therapistOf(request).id,
            for:
              data.forWhom === "couple" && row.coupleId
                ? { clientId: null, coupleId: row.coupleId }
                : { clientId: row.id, coupleId: null },
            date: data.date,
            time: data.time,
            durationMinutes: data.duration,
            weeks: data.weeks,
          },
          bookingMail,
        );
        if (!outcome.ok) return invalid({ [outcome.problem.field]: outcome.problem.message });
        app.jobs.wake();
        return reply.redirect(`/practice/clients/${row.id}/sessions?notice=scheduled`, 303);
      },
    }),
  );
}
