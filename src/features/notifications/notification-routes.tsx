import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { actionPost } from "../../platform/web/form-post.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { markSeen, setNotificationEmail } from "./needs-you.ts";
import { needsYouFormName } from "./needs-you-section.tsx";
import { isSafetyKind, notificationForPolicy } from "./safety-alerts.ts";

const params = z.object({ id: z.uuid() });

/** Marking a notification seen (who and when, audited), and the therapist's email choice. */
export function registerNotificationRoutes(app: FastifyInstance, { db, keys, publicUrl }: AppContext): void {
  const form = { name: needsYouFormName, scope: "session", keys: keys.current, publicUrl } as const;
  // An old form changes nothing, and goes back to the list as every answer here does.
  const backToList = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect("/practice#needs-you", 303);

  app.post(
    "/practice/notifications/:id/seen",
    // A therapist may clear a long list at once: more than sign-in's limit, still bounded.
    { config: { rateLimit: { max: 60, timeWindow: "1 minute" }, access: "therapist" } },
    actionPost({
      form,
      notGenuine: backToList,
      handle: async (request, reply) => {
        const parsed = params.safeParse(request.params);
        const therapist = therapistOf(request);
        const found = parsed.success ? await notificationForPolicy(db, parsed.data.id) : undefined;
        // Another therapist's notification is answered exactly as one that does not exist: nothing happens.
        const mayMark =
          found &&
          allow(requestActor(request), "update", {
            type: "notification",
            therapistId: found.therapistId,
            safety: isSafetyKind(found.kind),
            coverTherapistId: found.coverTherapistId,
          });
        const kind =
          parsed.success && mayMark
            ? await markSeen(db, { therapistId: therapist.id, notificationId: parsed.data.id })
            : undefined;
        // Back to the list it was in: the safety alerts stand apart, first on the page.
        if (kind && isSafetyKind(kind)) return reply.redirect("/practice#safety-alerts", 303);
        return backToList(request, reply);
      },
    }),
  );

  app.post(
    "/practice/notifications/email",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form,
      notGenuine: backToList,
      handle: async (request, reply) => {
        const therapist = therapistOf(request);
        const choice = fieldText(request.body, "email");
        if (choice === "on" || choice === "off")
          await setNotificationEmail(db, therapist.id, choice === "on");
        return backToList(request, reply);
      },
    }),
  );
}
