import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { coupleRecordFor } from "./couple-record.ts";
import { nameInjury } from "./injuries.ts";
import { injuryNameSchema, readInjuryName, whoWasHurt } from "./injury-forms.ts";
import { repairTherapistMessages as m } from "./messages.ts";
import { RepairOverviewPage } from "./repair-overview-page.tsx";
import { partnersOf, therapistRepair } from "./therapist-repair-view.ts";

export const repairFormName = "repair";

/** The therapist's overview of a couple's repair, and naming a new injury. Every view is audited. */
export function registerRepairOverviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces } = ctx;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: FormState<{ name: string; who: string }> = { values: { name: "", who: "" } },
  ) => {
    const therapist = therapistOf(request);
    const record = await coupleRecordFor(db, request, "read");
    if (!record) return sendErrorPage(reply, site, 404);
    const repair = await therapistRepair(db, keys, repairPieces, record.coupleId);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "repair.read",
      subject: `couple:${record.coupleId}`,
    });
    return sendPrivate(
      reply,
      renderPage(
        <RepairOverviewPage
          site={site}
          recordId={record.recordId}
          repair={repair}
          timeZone={therapist.timeZone}
          form={{ token: formTokenFor(request, keys.current, repairFormName, "session"), ...state }}
        />,
      ),
      status,
    );
  };

  app.get("/practice/clients/:id/repair", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply, 200),
  );

  app.post(
    "/practice/clients/:id/injuries",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: repairFormName, scope: "session", keys: keys.current, publicUrl },
      read: readInjuryName,
      schema: injuryNameSchema,
      rerender: page,
      handle: async ({ request, reply, data, invalid }) => {
        const record = await coupleRecordFor(db, request, "create");
        if (!record) return sendErrorPage(reply, site, 404);
        const partners = await partnersOf(db, keys, record.coupleId);
        const who = whoWasHurt(data.who, partners);
        if (!who) return invalid({ who: m.whoMissing });
        const id = await nameInjury(db, keys, {
          therapistId: therapistOf(request).id,
          coupleId: record.coupleId,
          name: data.name,
          whoWasHurt: who,
        });
        return reply.redirect(`/practice/clients/${record.recordId}/injuries/${id}`, 303);
      },
    }),
  );
}
