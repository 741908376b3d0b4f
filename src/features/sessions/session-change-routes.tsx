import { and, eq, gt } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { actionPost, type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { webMessages } from "../../platform/web/messages.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { MessagePage } from "../accounts/account-pages.tsx";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { cancelSession, moveSession } from "./change-session.ts";
import { sessionPageWords as w } from "./messages.ts";
import { type MoveValues, moveSchema, readMove } from "./schedule.form.ts";
import { therapySessions } from "./session.schema.ts";
import { recordClientOf } from "./session-list.ts";
import { MoveSessionPage } from "./sessions-page.tsx";
import { cancelFormName } from "./sessions-routes.tsx";

const sessionIdParam = z.object({ id: z.uuid() });
const moveFormName = "move-session";

/** Moving and cancelling one session: the therapist's own, still ahead; anyone else's is not found. */
export function registerSessionChangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, keys, site, publicUrl, bookingMail } = ctx;
  const key = keys.current;

  const ownUpcoming = async (request: FastifyRequest) => {
    const params = sessionIdParam.safeParse(request.params);
    if (!params.success) return undefined;
    const [row] = await db
      .select()
      .from(therapySessions)
      .where(
        and(
          eq(therapySessions.id, params.data.id),
          eq(therapySessions.therapistId, therapistOf(request).id),
          eq(therapySessions.status, "scheduled"),
          gt(therapySessions.startsAt, new Date()),
        ),
      );
    const clientId = row ? await recordClientOf(db, row) : undefined;
    return row && clientId ? { row, clientId } : undefined;
  };
  const listOf = (clientId: string, notice: string) =>
    `/practice/clients/${clientId}/sessions?notice=${notice}`;

  app.post(
    "/practice/sessions/:id/cancel",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form: { name: cancelFormName, scope: "session", keys: key, publicUrl },
      notGenuine: (_request, reply) =>
        sendPrivate(
          reply,
          renderPage(<MessagePage site={site} title={w.cancelButton} message={webMessages.formExpired} />),
          403,
        ),
      handle: async (request, reply) => {
        const found = await ownUpcoming(request);
        if (!found) return reply.callNotFound();
        const therapist = therapistOf(request);
        const outcome = await cancelSession(
          db,
          keys,
          { therapistId: therapist.id, sessionId: found.row.id },
          { ...bookingMail, zone: therapist.timeZone },
        );
        if (!outcome.ok) return reply.callNotFound();
        app.jobs.wake();
        return reply.redirect(listOf(found.clientId, "cancelled"), 303);
      },
    }),
  );

  const movePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: Partial<FormState<MoveValues>> = {},
  ) => {
    const found = await ownUpcoming(request);
    if (!found) return reply.callNotFound();
    const { row, clientId } = found;
    return sendPrivate(
      reply,
      renderPage(
        <MoveSessionPage
          site={site}
          zone={therapistOf(request).timeZone}
          session={{
            id: row.id,
            clientId,
            start: row.startsAt.getTime(),
            end: row.endsAt.getTime(),
            together: row.coupleId !== null,
          }}
          form={{ token: formTokenFor(request, key, moveFormName, "session"), ...state }}
        />,
      ),
      status,
    );
  };

  app.get("/practice/sessions/:id/move", { config: { access: "therapist" } }, (request, reply) =>
    movePage(request, reply, 200),
  );

  app.post(
    "/practice/sessions/:id/move",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: moveFormName, scope: "session", keys: key, publicUrl },
      read: readMove,
      schema: () => moveSchema(dateInputFormat(site.practice)),
      rerender: movePage,
      handle: async ({ request, reply, data, invalid }) => {
        const found = await ownUpcoming(request);
        if (!found) return reply.callNotFound();
        const outcome = await moveSession(
          db,
          keys,
          { therapistId: therapistOf(request).id, sessionId: found.row.id, ...data },
          bookingMail,
        );
        if (!outcome.ok && outcome.reason === "not-found") return reply.callNotFound();
        if (!outcome.ok) return invalid({ [outcome.problem.field]: outcome.problem.message });
        app.jobs.wake();
        return reply.redirect(listOf(found.clientId, "moved"), 303);
      },
    }),
  );
}
