import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import {
  type Account,
  endAllSessions,
  endSessionByRef,
  listActiveSessions,
} from "../../platform/security/sessions/session-store.ts";
import { actionPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { finishSession } from "../../platform/web/session-cookie.ts";
import { MessagePage, SignInsPage } from "./account-pages.tsx";
import { accountMessages as m } from "./messages.ts";
import { authRateLimit, fieldText } from "./route-helpers.ts";
import { therapists } from "./therapist.schema.ts";

/** Your sign-ins: the devices signed in to your account now, and ending one or all of them. */
export function registerSignInsRoutes(app: FastifyInstance, { db, site, keys, config }: AppContext): void {
  const secure = config.secureCookies;
  const key = keys.current;
  const toSignIn = (_request: FastifyRequest, reply: FastifyReply) => reply.redirect("/sign-in", 303);
  /** Ending sign-ins: an old form, or no account, goes to sign in; otherwise the one use case. */
  const accountAction = (
    handle: (request: FastifyRequest, reply: FastifyReply, account: Account) => unknown,
  ) =>
    actionPost({
      form: { name: "sign-ins", scope: "session", keys: key, publicUrl: config.publicUrl },
      notGenuine: toSignIn,
      handle: (request, reply) =>
        request.account ? handle(request, reply, request.account) : toSignIn(request, reply),
    });

  app.get("/account/sign-ins", { config: { access: "signed-in" } }, async (request, reply) => {
    const account = request.account;
    if (!account || !request.sessionToken) return reply.redirect("/sign-in", 303);
    const notice = z.enum(["ended"]).safeParse((request.query as Record<string, unknown>).notice);
    const [therapist] =
      account.kind === "therapist"
        ? await db
            .select({ timeZone: therapists.timeZone })
            .from(therapists)
            .where(eq(therapists.id, account.id))
        : [];
    return sendPrivate(
      reply,
      renderPage(
        <SignInsPage
          site={site}
          token={formTokenFor(request, key, "sign-ins", "session")}
          sessions={await listActiveSessions(db, account, request.sessionToken)}
          timeZone={therapist?.timeZone ?? site.practice.timeZone}
          notice={notice.success ? m.ended : undefined}
        />,
      ),
    );
  });

  app.post(
    "/account/sign-ins/end",
    { config: { ...authRateLimit, access: "signed-in" } },
    accountAction(async (request, reply, account) => {
      await endSessionByRef(db, account, fieldText(request.body, "ref"));
      return reply.redirect("/account/sign-ins?notice=ended", 303);
    }),
  );

  app.post(
    "/account/sign-ins/end-all",
    { config: { ...authRateLimit, access: "signed-in" } },
    accountAction(async (request, reply, account) => {
      await endAllSessions(db, account);
      await finishSession(db, request, reply, secure);
      return sendPrivate(
        reply,
        renderPage(<MessagePage site={site} title={m.signInsTitle} message={m.endedAll} />),
      );
    }),
  );
}
