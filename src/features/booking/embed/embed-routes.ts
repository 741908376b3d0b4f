import type { FastifyError, FastifyInstance } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { errorStatus } from "../../../platform/web/error-pages.tsx";
import {
  framedPolicyHeader,
  securityHeaders,
  sendSecurityHeaders,
} from "../../../platform/web/security-headers.ts";
import { embedFrame } from "../visitor/booking-frame.tsx";
import { registerBookingRoutes } from "../visitor/booking-routes.tsx";
import { registerManageRoutes } from "../visitor/manage-routes.tsx";
import { sendEmbedErrorPage } from "./embed-error-page.tsx";

/**
 * The booking flow for a practice's own site to frame (record 041): the site's own routes and pages,
 * under /embed/book, in a minimal layout. Only these pages let the configured origins frame them; with
 * none configured they still render (a practice can preview them) and, like every page, refuse any frame.
 */
export async function registerEmbedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const origins = ctx.embedOrigins;
  await app.register(async (embed) => {
    // After the site's headers, so these pages' policy is the one sent (made once, at start: record 046).
    if (origins.length > 0)
      sendSecurityHeaders(embed, securityHeaders({ https: ctx.secure, frameOrigins: origins }));
    // An error answer keeps the frame's policy and layout, so it is shown in the frame, not refused.
    const policy = framedPolicyHeader(origins);
    embed.setErrorHandler((error: FastifyError, request, reply) =>
      sendEmbedErrorPage(reply, ctx.site, errorStatus(error, request), policy),
    );
    registerBookingRoutes(embed, ctx, embedFrame);
    registerManageRoutes(embed, ctx, embedFrame);
  });
}
