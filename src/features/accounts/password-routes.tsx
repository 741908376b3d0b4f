import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { oneTimeTokenPattern } from "../../platform/security/one-time-token.ts";
import { formIsGenuine, formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { MessagePage } from "./account-pages.tsx";
import { accountMessages as m } from "./messages.ts";
import { ChoosePasswordPage, ForgottenPasswordPage } from "./password-pages.tsx";
import { requestPasswordReset } from "./request-password-reset.ts";
import { authRateLimit, fieldText } from "./route-helpers.ts";
import { setPasswordFromLink } from "./set-password-from-link.ts";
import { type TherapistLinkPurpose, therapistLinkIsUsable } from "./therapist-links.ts";

const tokenParams = z.object({ token: z.string().regex(oneTimeTokenPattern) });
const linkUnusable =
  "This link has expired or has already been used. Reset links work once, for 30 minutes; an invitation to join lasts 7 days.";

/** Forgotten passwords, and therapists joining a practice they were invited to. */
export function registerPasswordRoutes(
  app: FastifyInstance,
  { db, site, keys, publicUrl }: AppContext,
): void {
  const key = keys.current;
  const message = (reply: FastifyReply, title: string, text: string, status = 200) =>
    sendPrivate(reply, renderPage(<MessagePage site={site} title={title} message={text} />), status);

  const forgottenPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { email?: string; error?: string; problem?: string } = {},
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <ForgottenPasswordPage
          site={site}
          form={{ token: formTokenFor(request, key, "password-reset", "anonymous"), ...extra }}
        />,
      ),
      status,
    );

  app.get("/password-reset", { config: { access: "anonymous" } }, (request, reply) =>
    forgottenPage(request, reply, 200),
  );

  app.post(
    "/password-reset",
    { config: { ...authRateLimit, access: "anonymous" } },
    async (request, reply) => {
      const email = fieldText(request.body, "email").trim();
      if (!formIsGenuine(request, key, "password-reset", "anonymous", publicUrl))
        return forgottenPage(request, reply, 403, { email, problem: m.formExpired });
      if (!z.email().safeParse(email.toLowerCase()).success)
        return forgottenPage(request, reply, 400, { email, error: m.emailIncomplete });
      const queued = await requestPasswordReset(db, keys, {
        email,
        practiceName: site.practice.name,
        linkFor: (token) => site.absoluteUrl(`/password-reset/${token}`),
      });
      if (queued) app.jobs.wake();
      return message(
        reply,
        "Check your email",
        "If that address belongs to a therapist here, a link to choose a new password is on its way. It works once, for 30 minutes.",
      );
    },
  );

  const registerChoosePassword = (base: string, purpose: TherapistLinkPurpose) => {
    const joining = purpose === "join";
    const title = joining ? "Join the practice" : "Choose a new password";
    const page = (
      request: FastifyRequest,
      reply: FastifyReply,
      token: string,
      status: number,
      extra: { error?: string; problem?: string } = {},
    ) =>
      sendPrivate(
        reply,
        renderPage(
          <ChoosePasswordPage
            site={site}
            action={`${base}/${token}`}
            joining={joining}
            form={{ token: formTokenFor(request, key, `password-${purpose}`, "anonymous"), ...extra }}
          />,
        ),
        status,
      );

    app.get(`${base}/:token`, { config: { access: "anonymous" } }, async (request, reply) => {
      const params = tokenParams.safeParse(request.params);
      if (!params.success || !(await therapistLinkIsUsable(db, params.data.token, purpose)))
        return message(reply, title, linkUnusable, 404);
      return page(request, reply, params.data.token, 200);
    });

    app.post(
      `${base}/:token`,
      { config: { ...authRateLimit, access: "anonymous" } },
      async (request, reply) => {
        const params = tokenParams.safeParse(request.params);
        if (!params.success) return message(reply, title, linkUnusable, 404);
        if (!formIsGenuine(request, key, `password-${purpose}`, "anonymous", publicUrl))
          return page(request, reply, params.data.token, 403, { problem: m.formExpired });
        const result = await setPasswordFromLink(db, {
          token: params.data.token,
          purpose,
          password: fieldText(request.body, "password"),
        });
        if (!result.ok && "unusable" in result) return message(reply, title, linkUnusable, 404);
        if (!result.ok) return page(request, reply, params.data.token, 400, { error: result.error });
        return message(
          reply,
          joining ? "Welcome to the practice" : "Your password has been changed",
          joining
            ? "Your password is saved. Sign in now to set up your second step."
            : "Your new password is saved and every device has been signed out. Sign in with it and the code from your app.",
        );
      },
    );
  };
  registerChoosePassword("/password-reset", "reset");
  registerChoosePassword("/join", "join");
}
