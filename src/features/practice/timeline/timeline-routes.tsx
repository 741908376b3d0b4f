import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { openClientField } from "../../accounts/clients/client-crypto.ts";
import { requestActor } from "../../accounts/policies/request-actor.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { clientForTherapist } from "../client-for-therapist.ts";
import { buildTimeline } from "./build-timeline.ts";
import { loadTimeline } from "./load-timeline.ts";
import { TimelinePage } from "./timeline-page.tsx";

/** `/practice/clients/:id/timeline`: the story of a client, or of their couple. One audit entry per view. */
export function registerTimelineRoutes(
  app: FastifyInstance,
  { db, keys, site, instruments }: AppContext,
): void {
  app.get("/practice/clients/:id/timeline", { config: { access: "therapist" } }, async (request, reply) => {
    const found = await clientForTherapist(db, request);
    if (!found) return sendErrorPage(reply, site, 404);
    const therapist = therapistOf(request);
    const rows = await loadTimeline(db, keys, requestActor(request), instruments, found.row);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "client.timeline.viewed",
      subject: `client:${found.row.id}`,
    });
    return sendPrivate(
      reply,
      renderPage(
        <TimelinePage
          site={site}
          clientId={found.row.id}
          name={openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted)}
          couple={found.row.coupleId !== null}
          events={buildTimeline(rows)}
          timeZone={therapist.timeZone}
        />,
      ),
    );
  });
}
