import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { clientForTherapist } from "../practice/client-for-therapist.ts";
import { entriesSharedWithTherapist } from "../workspace/entries.ts";
import { TherapistTriggerLogPage } from "./therapist-trigger-log-page.tsx";
import { weeklySummary } from "./weekly-summary.ts";

/** The therapist's view of a client's trigger log: what was shared with them, charted. Audited. */
export function registerTherapistTriggerLogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys } = ctx;

  app.get("/practice/clients/:id/triggers", { config: { access: "therapist" } }, async (request, reply) => {
    const found = await clientForTherapist(db, request);
    if (!found) return sendErrorPage(reply, site, 404);
    const therapist = therapistOf(request);
    const actor = requestActor(request);
    // Only what was shared with the therapist, each moment judged by the policy as any entry is.
    const moments = (await entriesSharedWithTherapist(db, keys, found.row.id)).filter(
      (entry) =>
        entry.kind === "trigger" &&
        allow(actor, "read", {
          type: "entry",
          ...found.owned,
          sharedWith: { partner: false, therapist: entry.sharedWithTherapistAt !== null },
        }),
    );
    const weeks = weeklySummary(
      moments.map((moment) => ({ at: moment.createdAt, strength: moment.trigger?.strength ?? 0 })),
      new Date(),
      site.practice.timeZone,
    );
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "triggers.read",
      subject: `client:${found.row.id}`,
    });
    const name = openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted);
    return sendPrivate(
      reply,
      renderPage(
        <TherapistTriggerLogPage
          site={site}
          clientId={found.row.id}
          name={name}
          moments={moments}
          weeks={weeks}
          timeZone={therapist.timeZone}
        />,
      ),
    );
  });
}
