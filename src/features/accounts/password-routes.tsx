import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { oneTimeTokenPattern } from "../../platform/security/one-time-token.ts";
import { formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { MessagePage } from "./account-pages.tsx";
import { passwordResetRequestJobKind, queueAccountRequest, wakeAfterAnswer } from "./account-request-jobs.ts";
import { accountMessages as m } from "./messages.ts";
import { ChoosePasswordPage, ForgottenPasswordPage } from "./password-pages.tsx";
import { authRateLimit, fieldText } from "./route-helpers.ts";
import { setPasswordFromLink } from "./set-password-from-link.ts";
import { type TherapistLinkPurpose, therapistLinkIsUsable } from "./therapist-links.ts";

const tokenParams = z.object({ token: z.string().regex(oneTimeTokenPattern) });
const linkUnusable = m.passwordLinkUnusable;
const resetForm = z.object({
  email: z.string().refine((email) => z.email().safeParse(email.toLowerCase()).success, m.emailIncomplete),
});

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
    formPost({
      form: { name: "password-reset", scope: "anonymous", keys: key, publicUrl },
      read: (body) => ({ email: fieldText(body, "email").trim() }),
      schema: resetForm,
      rerender: (request, reply, status, { values, errors, problem }) =>
        forgottenPage(request, reply, status, { email: values.email, error: errors?.email, problem }),
      handle: async ({ request, reply, data }) => {
        // Queued, not done: the answer takes the same time whether or not the address has an account.
        await queueAccountRequest(db, keys, passwordResetRequestJobKind, {
          email: data.email,
          ip: request.ip,
        });
        wakeAfterAnswer(reply, () => app.jobs.wake());
        return message(reply, m.resetSentTitle, m.resetSent);
      },
    }),
  );

  const registerChoosePassword = (base: string, purpose: TherapistLinkPurpose) => {
    const joining = purpose === "join";
    const title = joining ? m.joinTitle : m.chooseTitle;
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

    const linkToken = (request: FastifyRequest) => tokenParams.safeParse(request.params).data?.token;
    app.post(
      `${base}/:token`,
      { config: { ...authRateLimit, access: "anonymous" } },
      formPost({
        form: { name: `password-${purpose}`, scope: "anonymous", keys: key, publicUrl },
        read: () => ({}),
        secrets: (body) => ({ password: fieldText(body, "password") }),
        // The use case checks the password (the rules are the same everywhere); here only its shape.
        schema: z.object({ password: z.string() }),
        rerender: (request, reply, status, { errors, problem }) => {
          const token = linkToken(request);
          if (!token) return message(reply, title, linkUnusable, 404);
          return page(request, reply, token, status, { error: errors?.password, problem });
        },
        handle: async ({ request, reply, data, invalid }) => {
          const token = linkToken(request);
          if (!token) return message(reply, title, linkUnusable, 404);
          const result = await setPasswordFromLink(db, { token, purpose, password: data.password });
          if (!result.ok && "unusable" in result) return message(reply, title, linkUnusable, 404);
          if (!result.ok) return invalid({ password: result.error });
          return joining
            ? message(reply, m.joinedTitle, m.joined)
            : message(reply, m.changedTitle, m.changed);
        },
      }),
    );
  };
  registerChoosePassword("/password-reset", "reset");
  registerChoosePassword("/join", "join");
}
