import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FieldErrors, type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { repairRateLimit } from "../repair/client-repair-routes.tsx";
import { safetyMessages } from "../safety/messages.ts";
import { ownEntries, writeEntry } from "../workspace/entries.ts";
import { workspaceMessages } from "../workspace/messages.ts";
import { chosenSharing } from "../workspace/note.form.ts";
import type { SecretsReminder } from "../workspace/sharing-fields.tsx";
import { sharingRules } from "../workspace/sharing-rules.ts";
import { triggerMessages as m } from "./messages.ts";
import { readTrigger, type TriggerValues, triggerSchema } from "./trigger.form.ts";
import { TriggerLogPage } from "./trigger-log-page.tsx";
import { weeklySummary } from "./weekly-summary.ts";

const formName = "trigger-log";
const emptyValues: TriggerValues = {
  happened: "",
  strength: "",
  remindedOf: "",
  did: "",
  needed: "",
  sharing: "",
};

/** A client's trigger log: write a moment down (private unless they choose), and see the weeks. */
export function registerTriggerLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;
  const { scopeOf, partnerShareAllowed, tellTherapistOfShare, reminderBefore } = sharingRules(ctx);

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: Partial<FormState<TriggerValues>>,
    extra: { reminder?: SecretsReminder; notice?: string } = {},
  ) => {
    const client = clientOf(request);
    const moments = (await ownEntries(db, keys, client.id)).filter((entry) => entry.kind === "trigger");
    const weeks = weeklySummary(
      moments.map((moment) => ({ at: moment.createdAt, strength: moment.trigger?.strength ?? 0 })),
      new Date(),
      site.practice.timeZone,
    );
    return sendPrivate(
      reply,
      renderPage(
        <TriggerLogPage
          site={site}
          scope={await scopeOf(request)}
          moments={moments}
          weeks={weeks}
          reminder={extra.reminder}
          notice={extra.notice}
          crisis={request.crisisWords}
          form={{
            token: formTokenFor(request, keys.current, formName, "session"),
            values: state?.values ?? emptyValues,
            errors: state?.errors,
            problem: state?.problem,
          }}
        />,
      ),
      status,
    );
  };

  app.get("/my/triggers", { config: { access: "client" } }, (request, reply) => {
    const saved = (request.query as Record<string, unknown>).notice === "saved";
    return page(request, reply, 200, undefined, saved ? { notice: m.saved } : {});
  });

  app.post(
    "/my/triggers",
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: formName, scope: "session", keys: keys.current, publicUrl },
      read: readTrigger,
      schema: triggerSchema,
      rerender: page,
      handle: async ({ request, reply, data, values, invalid }) => {
        const client = clientOf(request);
        // Who may read it depends on the couple and joint work: asked here, beside the field.
        const sharing = chosenSharing(request.body, client.coupleId !== null);
        const errors: FieldErrors = {};
        if (!sharing) errors.sharing = workspaceMessages.sharingMissing;
        else if (!(await partnerShareAllowed(request, "nobody", sharing)))
          errors.sharing = safetyMessages.partnerShareRefused;
        if (!sharing || Object.keys(errors).length > 0) return invalid(errors);
        const own = {
          type: "entry" as const,
          clientId: client.id,
          therapistId: client.therapistId,
          coupleId: client.coupleId,
          sharedWith: { partner: false, therapist: false },
        };
        if (!allow(requestActor(request), "create", own)) return sendErrorPage(reply, site, 404);
        const reminder = await reminderBefore(request, sharing);
        if (reminder) return page(request, reply, reminder.error ? 400 : 200, { values }, { reminder });
        const { sharing: _chosen, ...trigger } = data;
        await writeEntry(db, keys, { clientId: client.id, body: "", sharing, trigger });
        await tellTherapistOfShare(request, "nobody", sharing);
        // Help first, on this very page: the moment is saved; a redirect would lose the chance to show it.
        if (request.crisisWords) return page(request, reply, 200, undefined, { notice: m.saved });
        return reply.redirect("/my/triggers?notice=saved", 303);
      },
    }),
  );
}
