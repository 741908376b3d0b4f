import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost } from "../../../platform/web/form-post.ts";
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
  const subscriptionPost = (handle: Parameters<typeof actionPost>[0]["handle"]) =>
    actionPost({
      form: { name: calendarsFormName, scope: "session", keys: keys.current, publicUrl },
      // The calendars page again, saying nothing was changed.
      notGenuine: (_request, reply) => reply.redirect("/practice/booking/calendars?notice=expired-form", 303),
      handle,
    });

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
    subscriptionPost(async (request, reply) => {
      const therapist = therapistOf(request);
      await replaceSubscription(db, keys, therapist.id);
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "calendar-subscription.made",
        subject: `therapist:${therapist.id}`,
      });
      return reply.redirect("/practice/booking/calendars?notice=subscription-made#subscription-heading", 303);
    }),
  );

  app.post(
    "/practice/booking/calendars/subscription/stop",
    { config: { ...authRateLimit, access: "therapist" } },
    subscriptionPost(async (request, reply) => {
      const therapist = therapistOf(request);
      if (await revokeSubscription(db, therapist.id))
        await recordAudit(db, {
          actor: `therapist:${therapist.id}`,
          action: "calendar-subscription.stopped",
          subject: `therapist:${therapist.id}`,
        });
      return reply.redirect("/practice/booking/calendars?notice=subscription-stopped", 303);
    }),
  );
}
