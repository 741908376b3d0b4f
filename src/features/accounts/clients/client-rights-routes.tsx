import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { finishSession } from "../../../platform/web/session-cookie.ts";
import { MessagePage } from "../account-pages.tsx";
import { allow } from "../policies/policy.ts";
import { requestActor } from "../policies/request-actor.ts";
import { authRateLimit, fieldText } from "../route-helpers.ts";
import { clientOf } from "../signed-in-actor.ts";
import { clientRightsMessages as m } from "./client-messages.ts";
import { ErasePage, MyDataPage } from "./client-rights-pages.tsx";
import { eraseClient, retentionDate } from "./erase-client.ts";
import { exportClientData } from "./export-client-data.ts";

/** A client's rights over their data: see it, download it, have it erased. */
export function registerClientRightsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, secure, clientData } = ctx;
  const key = keys.current;

  /** The signed-in client's own id, when the policy lets them act on their own export or account. */
  const ownClientId = (
    request: FastifyRequest,
    type: "client-export" | "client-account",
    action: "read" | "update",
  ) => {
    const client = clientOf(request);
    const owned = { clientId: client.id, therapistId: client.therapistId, coupleId: client.coupleId };
    return allow(requestActor(request), action, { type, ...owned }) ? client.id : undefined;
  };

  // A client's rights over their data never wait on accepting a new wording (record 060).
  const config = { access: "client", beforeConsent: true } as const;
  app.get("/my/data", { config }, async (request, reply) => {
    const clientId = ownClientId(request, "client-export", "read");
    if (!clientId) return reply.redirect("/sign-in", 303);
    const data = await exportClientData(db, keys, clientData, clientId, "viewed");
    return sendPrivate(reply, renderPage(<MyDataPage site={site} data={data} />));
  });

  app.get("/my/data.json", { config }, async (request, reply) => {
    const clientId = ownClientId(request, "client-export", "read");
    if (!clientId) return reply.redirect("/sign-in", 303);
    const data = await exportClientData(db, keys, clientData, clientId, "downloaded");
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", 'attachment; filename="haven-my-data.json"')
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(data, null, 2));
  });

  const erasePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { error?: string; problem?: string },
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <ErasePage
          site={site}
          token={formTokenFor(request, key, "erase", "session")}
          goesNow={clientData.flatMap((t) => (t.erasure.goesNow ? [t.erasure.goesNow] : []))}
          kept={clientData.flatMap((t) => (t.erasure.kept ? [t.erasure.kept] : []))}
          retainedUntil={retentionDate(new Date(), site.practice.recordRetentionYears)
            .toISOString()
            .slice(0, 10)}
          {...extra}
        />,
      ),
      status,
    );

  app.get("/my/erase", { config }, (request, reply) => erasePage(request, reply, 200, {}));

  app.post(
    "/my/erase",
    { config: { ...authRateLimit, ...config } },
    formPost({
      form: { name: "erase", scope: "session", keys: key, publicUrl },
      read: (body) => ({ confirm: fieldText(body, "confirm") }),
      schema: z.object({ confirm: z.literal("yes", m.confirmMissing) }),
      // Someone the policy does not let close this account is sent to sign in, whatever they posted.
      rerender: (request, reply, status, { errors, problem }) => {
        if (!ownClientId(request, "client-account", "update")) return reply.redirect("/sign-in", 303);
        return erasePage(request, reply, status, { error: errors?.confirm, problem });
      },
      handle: async ({ request, reply }) => {
        const clientId = ownClientId(request, "client-account", "update");
        if (!clientId) return reply.redirect("/sign-in", 303);
        const { retainedUntil } = await eraseClient(db, clientData, {
          clientId,
          retentionYears: site.practice.recordRetentionYears,
        });
        await finishSession(db, request, reply, secure);
        const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
          retainedUntil,
        );
        return sendPrivate(
          reply,
          renderPage(<MessagePage site={site} title={m.erasedTitle} message={m.erased(until)} />),
        );
      },
    }),
  );
}
