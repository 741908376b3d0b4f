import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { therapistSessionPolicy } from "../../platform/security/sessions/session-store.ts";
import { actionPost, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { leavePath } from "../../platform/web/quick-exit.tsx";
import { renderPage } from "../../platform/web/render-page.ts";
import { safeError } from "../../platform/web/safe-error.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { clearSessionCookie, finishSession, startSession } from "../../platform/web/session-cookie.ts";
import { MessagePage, SetupPage, SignInPage } from "./account-pages.tsx";
import { createTherapist } from "./create-therapist.ts";
import { accountMessages as m } from "./messages.ts";
import { authRateLimit, fieldText } from "./route-helpers.ts";
import { sendCodeStep } from "./second-factor/second-factor-routes.tsx";
import { consumeSetupLink, setupTokenIsValid } from "./setup-link.ts";
import { signInTherapist } from "./sign-in-therapist.ts";

const signInForm = z.object({
  email: z.string().trim().pipe(z.email(m.emailIncomplete)),
  password: z.string().min(1, m.passwordMissing).max(1000),
});

export function registerAccountRoutes(app: FastifyInstance, { db, site, keys, config }: AppContext): void {
  const secure = config.secureCookies;
  const key = keys.current;

  /** A password alone signs a therapist in only to set up their second step (the gates allow nothing else). */
  const toTwoStepSetup = async (request: FastifyRequest, reply: FastifyReply, therapistId: string) => {
    await startSession(
      db,
      request,
      reply,
      { kind: "therapist", id: therapistId },
      therapistSessionPolicy,
      secure,
      "password",
    );
    return reply.redirect("/account/two-step", 303);
  };

  const signInPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: Omit<Parameters<typeof SignInPage>[0]["form"], "token">,
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <SignInPage
          site={site}
          form={{ ...state, token: formTokenFor(request, key, "sign-in", "anonymous") }}
          linkToken={formTokenFor(request, key, "sign-in-link", "anonymous")}
        />,
      ),
      status,
    );

  app.get("/sign-in", { config: { access: "anonymous" } }, (request, reply) => {
    // A therapist who has given only a password is not signed in here yet: they may sign in again.
    if (request.account?.kind === "client") return reply.redirect("/my", 303);
    if (request.account?.assurance === "full") return reply.redirect("/practice", 303);
    return signInPage(request, reply, 200, {});
  });

  app.post(
    "/sign-in",
    { config: { ...authRateLimit, access: "anonymous" } },
    formPost({
      form: { name: "sign-in", scope: "anonymous", keys: key, publicUrl: config.publicUrl },
      read: (body) => ({ email: fieldText(body, "email") }),
      secrets: (body) => ({ password: fieldText(body, "password") }),
      schema: signInForm,
      rerender: signInPage,
      handle: async ({ request, reply, data, values }) => {
        const result = await signInTherapist(db, data);
        if (result.outcome === "wait")
          return signInPage(request, reply, 429, { values, problem: m.waitBeforeTrying(result.minutes) });
        if (result.outcome === "no-match")
          return signInPage(request, reply, 401, { values, problem: m.noMatch });
        if (result.secondFactor)
          return sendCodeStep(
            request,
            reply,
            { site, keys },
            { account: { kind: "therapist", id: result.therapistId } },
          );
        // No second factor yet: signed in only to set one up (the access gates allow nothing else).
        return toTwoStepSetup(request, reply, result.therapistId);
      },
    }),
  );

  app.post(
    "/sign-out",
    { config: { access: "signed-in" } },
    actionPost({
      form: { name: "sign-out", scope: "session", keys: key, publicUrl: config.publicUrl },
      notGenuine: (_request, reply) => reply.redirect("/", 303),
      handle: async (request, reply) => {
        if (request.account) await finishSession(db, request, reply, secure);
        return reply.redirect("/", 303);
      },
    }),
  );

  // Quick exit from the client area (DOMAIN.md §4). A GET, because it must work as a plain link and
  // through location.replace; the worst a forged link can do is sign someone out (decision 040).
  // Nothing personal is in the way out: the neutral site comes from the settings, never from the
  // request. No automatic HEAD route: a HEAD (a link checker, a prefetch) has no reason to sign out.
  app.get(leavePath, { exposeHeadRoute: false, config: { access: "public" } }, async (request, reply) => {
    try {
      if (request.account) await finishSession(db, request, reply, secure);
    } catch (error) {
      // The way out must never fail or wait on the database: the cookie still goes (below, and with
      // Clear-Site-Data), and the stored session ends at its idle time-out.
      request.log.warn({ error: safeError(error) }, "quick exit could not end the session");
    }
    clearSessionCookie(reply, secure);
    reply.header("cache-control", "no-store").header("clear-site-data", '"cookies", "storage"');
    return reply.redirect(site.practice.quickExitUrl, 303);
  });

  // First run: the link printed at start-up. Opening it changes nothing; only the form's POST does.
  const setupParams = z.object({ token: z.string().regex(/^[\w-]{20,64}$/) });
  const setupUnavailable = (reply: FastifyReply) =>
    sendPrivate(
      reply,
      renderPage(<MessagePage site={site} title={m.setupTitle} message={m.setupLinkUsed} />),
      404,
    );

  app.get("/setup/:token", { config: { access: "anonymous" } }, async (request, reply) => {
    const params = setupParams.safeParse(request.params);
    if (!params.success || !(await setupTokenIsValid(db, params.data.token))) return setupUnavailable(reply);
    const form = { token: formTokenFor(request, key, "setup", "anonymous") };
    return sendPrivate(
      reply,
      renderPage(<SetupPage site={site} action={`/setup/${params.data.token}`} form={form} />),
    );
  });

  const setupPost = (action: string) =>
    formPost({
      form: { name: "setup", scope: "anonymous", keys: key, publicUrl: config.publicUrl },
      read: (body) => ({ displayName: fieldText(body, "displayName"), email: fieldText(body, "email") }),
      secrets: (body) => ({ password: fieldText(body, "password") }),
      // The use case checks the new account (the command line creates one too); here only its shape.
      schema: z.object({ displayName: z.string(), email: z.string(), password: z.string() }),
      rerender: (request, reply, status, form) =>
        sendPrivate(
          reply,
          renderPage(
            <SetupPage
              site={site}
              action={action}
              form={{ token: formTokenFor(request, key, "setup", "anonymous"), ...form }}
            />,
          ),
          status,
        ),
      handle: async ({ request, reply, data, invalid }) => {
        const result = await createTherapist(db, data, {
          actor: "setup-link",
          timeZone: site.practice.timeZone,
        });
        if (!result.ok) return invalid(result.errors as Record<string, string>);
        await consumeSetupLink(db);
        return toTwoStepSetup(request, reply, result.therapistId);
      },
    });

  app.post("/setup/:token", { config: { ...authRateLimit, access: "anonymous" } }, async (request, reply) => {
    const params = setupParams.safeParse(request.params);
    if (!params.success || !(await setupTokenIsValid(db, params.data.token))) return setupUnavailable(reply);
    return setupPost(`/setup/${params.data.token}`)(request, reply);
  });
}
