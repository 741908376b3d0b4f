import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { hourly } from "../notifications/notify-therapist.ts";
import { clientRepair } from "./client-repair-view.ts";
import { suggestInjury } from "./injury-suggestions.ts";
import { repairMessages as m } from "./messages.ts";
import { RepairHomePage, suggestionLimit } from "./repair-home-page.tsx";

/** Writing between sessions is slower than signing in, and may be saved often: a wider, still bounded limit. */
export const repairRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

const suggestForm = "repair-suggestion";
const suggestSchema = z.object({
  suggestion: z
    .string()
    .trim()
    .min(1, m.suggestEmpty)
    .max(suggestionLimit, m.suggestTooLong(suggestionLimit)),
});

/** A partner's repair space: the couple's injuries, what is open for them, and a private suggestion. */
export function registerClientRepairRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces, notifier } = ctx;

  const homePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: FormState<{ suggestion: string }> = { values: { suggestion: "" } },
    notice?: string,
  ) => {
    const client = clientOf(request);
    // The repair space is a couple's; someone seen alone has none (the individual path is its own).
    if (!client.coupleId) return sendErrorPage(reply, site, 404);
    const repair = await clientRepair(db, keys, repairPieces, client);
    return sendPrivate(
      reply,
      renderPage(
        <RepairHomePage
          site={site}
          repair={repair}
          notice={notice}
          crisis={request.crisisWords}
          form={{
            token: formTokenFor(request, keys.current, suggestForm, "session"),
            value: state.values.suggestion,
            error: state.errors?.suggestion,
            problem: state.problem,
          }}
        />,
      ),
      status,
    );
  };

  app.get("/my/repair", { config: { access: "client" } }, (request, reply) => {
    const query = (request.query as Record<string, unknown>).notice;
    const notice = query === "suggested" ? m.suggestSent : query === "stopped" ? m.pieceStopped : undefined;
    return homePage(request, reply, 200, undefined, notice);
  });

  app.post(
    "/my/repair/suggestions",
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: suggestForm, scope: "session", keys: keys.current, publicUrl },
      read: (body) => ({ suggestion: fieldText(body, "suggestion") }),
      schema: suggestSchema,
      rerender: homePage,
      handle: async ({ request, reply, data }) => {
        const client = clientOf(request);
        const resource = { type: "injury-suggestion" as const, ...client, clientId: client.id };
        if (!allow(requestActor(request), "create", resource)) return sendErrorPage(reply, site, 404);
        await suggestInjury(db, keys, {
          clientId: client.id,
          therapistId: client.therapistId,
          text: data.suggestion,
        });
        // The therapist learns that there is a suggestion (not what it says), at most once an hour.
        const now = new Date();
        await notifier.notify(
          db,
          {
            therapistId: client.therapistId,
            clientId: client.id,
            kind: "injury-suggested",
            dedupeKey: hourly(["injury-suggested", client.id], now),
          },
          now,
        );
        // Help first, on this very page: a redirect would lose the moment to show it.
        if (request.crisisWords) return homePage(request, reply, 200, undefined, m.suggestSent);
        return reply.redirect("/my/repair?notice=suggested", 303);
      },
    }),
  );
}
