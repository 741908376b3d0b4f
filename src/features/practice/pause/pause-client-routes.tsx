import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { openClientField } from "../../accounts/clients/client-crypto.ts";
import { allow } from "../../accounts/policies/policy.ts";
import { requestActor } from "../../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { type ClientForTherapist, clientForTherapist } from "../client-for-therapist.ts";
import { pauseMessages as m } from "./messages.ts";
import { setPaused } from "./pause-client.ts";
import { PauseClientPage } from "./pause-client-page.tsx";

const formName = "pause-client";

/** Pausing and resuming a client from their record: a page, a tick to pause, one button to resume. */
export function registerPauseClientRoutes(
  app: FastifyInstance,
  { db, keys, site, publicUrl }: AppContext,
): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ClientForTherapist,
    status: number,
    state: { error?: string; problem?: string } = {},
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <PauseClientPage
          site={site}
          clientId={found.row.id}
          name={openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted)}
          status={found.row.status}
          token={formTokenFor(request, keys.current, formName, "session")}
          error={state.error}
          problem={state.problem}
        />,
      ),
      status,
    );
  const found = async (request: FastifyRequest) => {
    const client = await clientForTherapist(db, request);
    return client && allow(requestActor(request), "update", { type: "client-account", ...client.owned })
      ? client
      : undefined;
  };

  app.get("/practice/clients/:id/pause", { config: { access: "therapist" } }, async (request, reply) => {
    const client = await found(request);
    if (!client) return sendErrorPage(reply, site, 404);
    return page(request, reply, client, 200);
  });

  for (const paused of [true, false]) {
    app.post(
      `/practice/clients/:id/${paused ? "pause" : "resume"}`,
      { config: { ...authRateLimit, access: "therapist" } },
      async (request, reply) => {
        const client = await found(request);
        if (!client) return sendErrorPage(reply, site, 404);
        return actionPost({
          form: { name: formName, scope: "session", keys: keys.current, publicUrl },
          notGenuine: (rq, rp) => page(rq, rp, client, 403, { problem: webMessages.formExpired }),
          handle: async (rq, rp) => {
            if (paused && fieldText(rq.body, "confirm") !== "yes")
              return page(rq, rp, client, 400, { error: m.confirmMissing });
            await setPaused(db, { clientId: client.row.id, therapistId: therapistOf(rq).id, paused });
            return rp.redirect(`/practice/clients/${client.row.id}`, 303);
          },
        })(request, reply);
      },
    );
  }
}
