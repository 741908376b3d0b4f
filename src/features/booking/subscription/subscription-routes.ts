import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { formIsGenuine } from "../../../platform/web/form-security.ts";
import { authRateLimit } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { calendarsFormName } from "../calendar-feeds/calendar-feed-routes.tsx";
import {
  consultationsFeed,
  replaceSubscription,
  revokeSubscription,
  therapistForSecret,
} from "./calendar-subscription.ts";

const feedFile = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) });

/** The private subscription feed of a therapist's consultations (issue 5, item 3), and its controls. */
export function registerSubscriptionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;
  const genuine = (request: Parameters<typeof formIsGenuine>[0]) =>
    formIsGenuine(request, keys.current, calendarsFormName, "session", publicUrl);

  // Read by calendar apps, which carry no cookies: the secret in the address is the key. A wrong, old or
  // stopped address is a plain 404, the same as any address that never existed.
  app.get("/calendar/consultations/:file", { config: { access: "anonymous" } }, async (request, reply) => {
    const params = feedFile.safeParse(request.params);
    const now = new Date();
    const therapistId = params.success
      ? await therapistForSecret(db, params.data.file.replace(/\.ics$/, ""), now)
      : undefined;
    if (!therapistId) return sendErrorPage(reply, site, 404);
    const text = await consultationsFeed(db, keys, {
      therapistId,
      now,
      practiceName: site.practice.name,
      publicHost: publicUrl.host,
      consultationsUrl: new URL("/practice/consultations", publicUrl).href,
    });
    return reply
      .type("text/calendar; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-robots-tag", "noindex")
      .header("content-disposition", 'inline; filename="consultations.ics"')
      .send(text);
  });

  app.post(
    "/practice/booking/calendars/subscription",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const therapist = therapistOf(request);
      if (!genuine(request)) return reply.redirect("/practice/booking/calendars?notice=expired-form", 303);
      await replaceSubscription(db, keys, therapist.id);
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "calendar-subscription.made",
        subject: `therapist:${therapist.id}`,
      });
      return reply.redirect("/practice/booking/calendars?notice=subscription-made#subscription-heading", 303);
    },
  );

  app.post(
    "/practice/booking/calendars/subscription/stop",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const therapist = therapistOf(request);
      if (!genuine(request)) return reply.redirect("/practice/booking/calendars?notice=expired-form", 303);
      if (await revokeSubscription(db, therapist.id))
        await recordAudit(db, {
          actor: `therapist:${therapist.id}`,
          action: "calendar-subscription.stopped",
          subject: `therapist:${therapist.id}`,
        });
      return reply.redirect("/practice/booking/calendars?notice=subscription-stopped", 303);
    },
  );
}
