import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { actionPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { openClientField } from "../../accounts/clients/client-crypto.ts";
import { retentionDate } from "../../accounts/clients/erase-client.ts";
import { allow } from "../../accounts/policies/policy.ts";
import { requestActor } from "../../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { type ClientForTherapist, clientForTherapist } from "../client-for-therapist.ts";
import { closeClient } from "./close-client.ts";
import { CloseClientPage } from "./close-client-page.tsx";
import { clientListMessages as m } from "./messages.ts";

const formName = "close-client";

/** Closing a client's account from their record: a page that explains, a tick, one POST (audited). */
export function registerCloseClientRoutes(
  app: FastifyInstance,
  { db, keys, site, publicUrl }: AppContext,
): void {
  const years = site.practice.recordRetentionYears;
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
        <CloseClientPage
          site={site}
          clientId={found.row.id}
          name={openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted)}
          closed={found.row.status === "closed"}
          retainedUntil={new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
            retentionDate(new Date(), years),
          )}
          token={formTokenFor(request, keys.current, formName, "session")}
          error={state.error}
          problem={state.problem}
        />,
      ),
      status,
    );
  const mayClose = (request: FastifyRequest, found: ClientForTherapist) =>
    allow(requestActor(request), "update", { type: "client-account", ...found.owned });

  app.get("/practice/clients/:id/close", { config: { access: "therapist" } }, async (request, reply) => {
    const found = await clientForTherapist(db, request);
    if (!found || !mayClose(request, found)) return sendErrorPage(reply, site, 404);
    return page(request, reply, found, 200);
  });

  app.post(
    "/practice/clients/:id/close",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const found = await clientForTherapist(db, request);
      if (!found || !mayClose(request, found)) return sendErrorPage(reply, site, 404);
      return actionPost({
        form: { name: formName, scope: "session", keys: keys.current, publicUrl },
        notGenuine: (rq, rp) => page(rq, rp, found, 403, { problem: webMessages.formExpired }),
        handle: async (rq, rp) => {
          if (fieldText(rq.body, "confirm") !== "yes")
            return page(rq, rp, found, 400, { error: m.closeConfirmMissing });
          await closeClient(db, {
            clientId: found.row.id,
            therapistId: therapistOf(rq).id,
            retentionYears: years,
          });
          return rp.redirect(`/practice/clients/${found.row.id}`, 303);
        },
      })(request, reply);
    },
  );
}
