import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { fieldList, fieldText, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit } from "../route-helpers.ts";
import { clientOf } from "../signed-in-actor.ts";
import { acceptNewConsents } from "./accept-new-consents.ts";
import { consentMessages as m } from "./client-messages.ts";
import { ConsentPage } from "./consent-page.tsx";

/** A client accepts a consent document's new wording before their space (record 060). */
export function registerConsentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, consentCheck } = ctx;
  const key = keys.current;
  // Reachable while a new wording waits: this page is where the gate sends the client.
  const config = { access: "client", beforeConsent: true } as const;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { values?: { accepted: string[] }; errors?: Record<string, string>; problem?: string },
  ) => {
    const waiting = await consentCheck.toAccept(clientOf(request));
    if (waiting.length === 0) return reply.redirect("/my", 303);
    return sendPrivate(
      reply,
      renderPage(
        <ConsentPage
          site={site}
          waiting={waiting}
          form={{
            token: formTokenFor(request, key, "consent", "session"),
            accepted: state.values?.accepted ?? [],
            errors: state.errors,
            problem: state.problem,
          }}
        />,
      ),
      status,
    );
  };

  app.get("/my/consent", { config }, (request, reply) => page(request, reply, 200, {}));

  app.post(
    "/my/consent",
    { config: { ...authRateLimit, ...config } },
    formPost({
      form: { name: "consent", scope: "session", keys: key, publicUrl },
      read: (body) => ({ accepted: fieldList(body, "accept") }),
      schema: z.object({ accepted: z.array(z.string()) }),
      rerender: page,
      problemWhenInvalid: m.nothingSaved,
      handle: async ({ request, reply, values, invalid }) => {
        const client = clientOf(request);
        const waiting = await consentCheck.toAccept(client);
        const shownVersions = Object.fromEntries(
          waiting.map(({ document }) => [document.id, fieldText(request.body, `version-${document.id}`)]),
        );
        const result = await acceptNewConsents(db, client.id, waiting, { ...values, shownVersions });
        if (!result.ok) return invalid(result.errors);
        return reply.redirect("/my", 303);
      },
    }),
  );
}
