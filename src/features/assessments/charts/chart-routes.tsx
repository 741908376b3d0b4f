import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { allow } from "../../accounts/policies/policy.ts";
import { requestActor } from "../../accounts/policies/request-actor.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { clientOf } from "../../accounts/signed-in-actor.ts";
import { setChartShared } from "./chart-shares.ts";
import type { ClientCharts } from "./client-charts-section.tsx";
import { chartViewerOf, measureCharts } from "./measure-charts.ts";
import { chartMessages as m } from "./messages.ts";
import { isChartable } from "./score-series.ts";

const sharingForm = "chart-sharing";
const notices = { shared: m.sharedNotice, unshared: m.unsharedNotice, expired: m.buttonExpired } as const;

/** The client's charts for their measures page, with the sharing choice where the couple may share. */
export async function clientChartsView(ctx: AppContext, request: FastifyRequest): Promise<ClientCharts> {
  const client = clientOf(request);
  const viewer = await chartViewerOf(ctx.db, client, false);
  const notice = (request.query as Record<string, unknown>).chart;
  return {
    charts: await measureCharts(ctx.db, ctx.keys, ctx.instruments, viewer),
    canShare: viewer.partnerId !== null && viewer.jointWorkOpen,
    token: formTokenFor(request, ctx.keys.current, sharingForm, "session"),
    notice:
      typeof notice === "string" && notice in notices ? notices[notice as keyof typeof notices] : undefined,
  };
}

/** Showing (or no longer showing) one's line of a measure to one's partner: joint work, both agreeing. */
export function registerChartRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, instruments } = ctx;
  app.post(
    "/my/measures/charts/:instrumentId/sharing",
    { config: { ...authRateLimit, access: "client" } },
    actionPost({
      form: { name: sharingForm, scope: "session", keys: keys.current, publicUrl },
      notGenuine: (_request, reply) => reply.redirect("/my/measures?chart=expired#over-time", 303),
      handle: async (request, reply) => {
        const client = clientOf(request);
        const { instrumentId } = request.params as { instrumentId: string };
        const definition = instruments.find((d) => d.id === instrumentId && isChartable(d));
        const viewer = await chartViewerOf(db, client, false);
        const share = (request.body as Record<string, unknown> | undefined)?.share === "yes";
        // A new agreement is a share with the partner: only in a couple whose joint work is open.
        const allowed =
          !share ||
          allow(requestActor(request), "create", {
            type: "partner-share",
            clientId: client.id,
            therapistId: client.therapistId,
            coupleId: client.coupleId,
            jointWorkOpen: viewer.jointWorkOpen,
          });
        if (!definition || !viewer.partnerId || !allowed) return sendErrorPage(reply, site, 404);
        await setChartShared(db, { clientId: client.id, instrumentId: definition.id, share });
        return reply.redirect(`/my/measures?chart=${share ? "shared" : "unshared"}#over-time`, 303);
      },
    }),
  );
}
