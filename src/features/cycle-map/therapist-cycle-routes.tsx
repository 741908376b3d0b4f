import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { coupleRecordFor } from "../repair/couple-record.ts";
import { nameCycle } from "./cycle-name.ts";
import { coupleCycle } from "./cycle-view.ts";
import { cycleTherapistMessages as m } from "./messages.ts";
import { TherapistCyclePage } from "./therapist-cycle-page.tsx";

const nameForm = "cycle-name";
export const cycleNameLimit = 80;
const nameSchema = z.object({
  name: z.string().trim().min(1, m.nameEmpty).max(cycleNameLimit, m.nameTooLong(cycleNameLimit)),
});

/** The therapist's cycle map of a couple: each shared side, the loop, and naming it. Every view audited. */
export function registerTherapistCycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState<{ name: string }>,
    notice?: string,
  ) => {
    const therapist = therapistOf(request);
    const record = await coupleRecordFor(db, request, "read");
    if (!record) return sendErrorPage(reply, site, 404);
    const cycle = await coupleCycle(db, keys, requestActor(request), record);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "cycle.read",
      subject: `couple:${record.coupleId}`,
    });
    return sendPrivate(
      reply,
      renderPage(
        <TherapistCyclePage
          site={site}
          recordId={record.recordId}
          jointWorkOpen={record.jointWorkOpen}
          cycle={cycle}
          timeZone={therapist.timeZone}
          notice={notice}
          form={{
            token: formTokenFor(request, keys.current, nameForm, "session"),
            value: state?.values.name ?? cycle.name ?? "",
            error: state?.errors?.name,
            problem: state?.problem,
          }}
        />,
      ),
      status,
    );
  };

  app.get("/practice/clients/:id/cycle", { config: { access: "therapist" } }, (request, reply) => {
    const named = (request.query as Record<string, unknown>).notice === "named";
    return page(request, reply, 200, undefined, named ? m.nameSaved : undefined);
  });

  app.post(
    "/practice/clients/:id/cycle/name",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: nameForm, scope: "session", keys: keys.current, publicUrl },
      read: (body) => ({ name: fieldText(body, "name") }),
      schema: nameSchema,
      rerender: page,
      handle: async ({ request, reply, data }) => {
        const therapist = therapistOf(request);
        const record = await coupleRecordFor(db, request, "update");
        if (!record) return sendErrorPage(reply, site, 404);
        await nameCycle(db, keys, { coupleId: record.coupleId, therapistId: therapist.id, name: data.name });
        await recordAudit(db, {
          actor: `therapist:${therapist.id}`,
          action: "cycle.named",
          subject: `couple:${record.coupleId}`,
        });
        return reply.redirect(`/practice/clients/${record.recordId}/cycle?notice=named`, 303);
      },
    }),
  );
}
