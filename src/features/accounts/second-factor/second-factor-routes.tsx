import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../../app-context.ts";
import {
  type Account,
  clientSessionPolicy,
  endAllSessions,
  therapistSessionPolicy,
} from "../../../platform/security/sessions/session-store.ts";
import { issueSignedToken, readSignedToken } from "../../../platform/security/signed-token.ts";
import { actionPost, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { webMessages } from "../../../platform/web/messages.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { startSession } from "../../../platform/web/session-cookie.ts";
import { SignInPage } from "../account-pages.tsx";
import { accountMessages as m } from "../messages.ts";
import { authRateLimit, fieldText } from "../route-helpers.ts";
import { checkSecondFactor } from "./check-second-factor.ts";
import { codeSchema, readCode } from "./code.form.ts";
import { finishTotpEnrolment, startTotpEnrolment, unsealPendingSecret } from "./enrol-totp.ts";
import { lockFactorState } from "./factor-accounts.ts";
import { RecoveryCodesPage, SignInCodePage, TwoStepSetupPage } from "./second-factor-pages.tsx";
import { totpUri } from "./totp.ts";

type Kind = Account["kind"];

/** Where each kind of account enters its code, sets up its app, and goes once signed in. */
const paths: Record<Kind, { code: string; enrol: string; home: string; purpose: string }> = {
  therapist: {
    code: "/sign-in/code",
    enrol: "/account/two-step",
    home: "/practice",
    purpose: "sign-in-code",
  },
  client: {
    code: "/sign-in/client-code",
    enrol: "/my/two-step",
    home: "/my",
    purpose: "client-sign-in-code",
  },
};
const policies = { therapist: therapistSessionPolicy, client: clientSessionPolicy };
/** Long enough to find the phone; short enough that a forgotten tab is useless. */
const ticketSeconds = 10 * 60;

/**
 * After the first step (a therapist's password, a client's emailed link): the page asking for the code,
 * carrying a signed ticket that says, for ten minutes, which account passed the first step.
 */
export function sendCodeStep(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppContext, "site" | "keys">,
  state: { account: Account; status?: number; error?: string; problem?: string },
) {
  const { code, purpose } = paths[state.account.kind];
  const form = {
    action: code,
    token: formTokenFor(request, deps.keys.current, purpose, "anonymous"),
    ticket: issueSignedToken(deps.keys.current, purpose, state.account.id, ticketSeconds),
    error: state.error,
    problem: state.problem,
  };
  return sendPrivate(reply, renderPage(<SignInCodePage site={deps.site} form={form} />), state.status ?? 200);
}

export function registerSecondFactorRoutes(app: FastifyInstance, deps: AppContext): void {
  for (const kind of ["therapist", "client"] as const) {
    registerCodeStep(app, deps, kind);
    registerEnrolment(app, deps, kind);
  }
}

function registerCodeStep(app: FastifyInstance, deps: AppContext, kind: Kind): void {
  const { db, site, keys, publicUrl, secure } = deps;
  const key = keys.current;
  const { code: path, purpose, home, enrol } = paths[kind];

  /** The account that passed the first step, from the signed ticket the code page carries. */
  const ticketAccount = (request: FastifyRequest): Account | undefined => {
    const id = readSignedToken(key, purpose, fieldText(request.body, "ticket"));
    return id ? { kind, id } : undefined;
  };
  /** The ticket is too old (or not ours): back to the first step, whatever else was wrong. */
  const tooSlow = (request: FastifyRequest, reply: FastifyReply) =>
    sendPrivate(
      reply,
      renderPage(
        <SignInPage
          site={site}
          form={{ token: formTokenFor(request, key, "sign-in", "anonymous"), problem: m.codeTooSlow }}
          linkToken={formTokenFor(request, key, "sign-in-link", "anonymous")}
        />,
      ),
      400,
    );

  app.post(
    path,
    { config: { ...authRateLimit, access: "anonymous" } },
    formPost({
      form: { name: purpose, scope: "anonymous", keys: key, publicUrl },
      read: () => ({}),
      secrets: readCode,
      schema: codeSchema,
      rerender: (request, reply, status, { errors, problem }) => {
        const account = ticketAccount(request);
        if (!account) return tooSlow(request, reply);
        return sendCodeStep(request, reply, deps, { account, status, error: errors?.code, problem });
      },
      handle: async ({ request, reply, data }) => {
        const account = ticketAccount(request);
        if (!account) return tooSlow(request, reply);
        const result = await checkSecondFactor(db, keys, { account, code: data.code.slice(0, 40) });
        if (result.outcome === "wait") {
          return sendCodeStep(request, reply, deps, {
            account,
            status: 429,
            problem: m.waitBeforeTrying(result.minutes),
          });
        }
        if (result.outcome === "wrong") {
          return sendCodeStep(request, reply, deps, { account, status: 401, error: m.codeWrong });
        }
        await startSession(db, request, reply, account, policies[kind], secure);
        const runningLow = result.factor === "recovery-code" && result.recoveryCodesLeft < 3;
        return reply.redirect(runningLow ? enrol : home, 303);
      },
    }),
  );
}

function registerEnrolment(app: FastifyInstance, deps: AppContext, kind: Kind): void {
  const { db, site, keys, publicUrl, secure } = deps;
  const key = keys.current;
  const { enrol: path, home } = paths[kind];
  const access = kind === "therapist" ? "therapist-enrolling" : "client";
  const intro = kind === "therapist" ? m.twoStepIntro : m.twoStepClientIntro;

  /** The signed-in account of this kind, or undefined (the gates have already sent others away). */
  const accountOf = (request: FastifyRequest): Account | undefined =>
    request.account?.kind === kind ? { kind, id: request.account.id } : undefined;

  const setupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    account: Account,
    extra: { status?: number; error?: string; problem?: string; secret?: string; sealed?: string } = {},
  ) => {
    const state = await lockFactorState(db, account);
    if (!state) return reply.redirect("/sign-in", 303);
    // Moving the second factor to a new phone needs a session that passed the current one.
    if (state.totpEnabledAt && request.account?.assurance !== "full") return reply.redirect("/sign-in", 303);
    const fresh =
      extra.secret && extra.sealed
        ? { secret: extra.secret, sealed: extra.sealed }
        : startTotpEnrolment(keys, account);
    return sendPrivate(
      reply,
      renderPage(
        <TwoStepSetupPage
          site={site}
          action={path}
          intro={intro}
          token={formTokenFor(request, key, "two-step", "session")}
          secret={fresh.secret}
          sealed={fresh.sealed}
          uri={totpUri(fresh.secret, site.practice.name, site.practice.name)}
          alreadyOn={state.totpEnabledAt !== null}
          error={extra.error}
          problem={extra.problem}
        />,
      ),
      extra.status ?? 200,
    );
  };

  app.get(path, { config: { access } }, async (request, reply) => {
    const account = accountOf(request);
    if (!account) return reply.redirect("/sign-in", 303);
    return setupPage(request, reply, account);
  });

  app.post(
    path,
    { config: { ...authRateLimit, access } },
    actionPost({
      form: { name: "two-step", scope: "session", keys: key, publicUrl },
      // The checks below are the use case's own (unsealing, the code against the new secret).
      notGenuine: (request, reply) => {
        const account = accountOf(request);
        if (!account) return reply.redirect("/sign-in", 303);
        return setupPage(request, reply, account, { status: 403, problem: webMessages.formExpired });
      },
      handle: async (request, reply) => {
        const account = accountOf(request);
        if (!account) return reply.redirect("/sign-in", 303);
        const state = await lockFactorState(db, account);
        if (state?.totpEnabledAt && request.account?.assurance !== "full")
          return reply.redirect("/sign-in", 303);
        const sealed = fieldText(request.body, "pending");
        const secret = unsealPendingSecret(keys, account, sealed);
        if (!secret) return setupPage(request, reply, account, { status: 400, problem: m.twoStepExpired });
        const result = await finishTotpEnrolment(db, keys, {
          account,
          secret,
          code: fieldText(request.body, "code"),
        });
        if (!result.ok) {
          // The same secret again, so the app the person has just set up keeps working.
          return setupPage(request, reply, account, { status: 400, error: m.codeWrong, secret, sealed });
        }
        // Every other sign-in (perhaps from before, with less) ends; this one is renewed as full.
        await endAllSessions(db, account);
        await startSession(db, request, reply, account, policies[kind], secure);
        return sendPrivate(
          reply,
          renderPage(<RecoveryCodesPage site={site} codes={result.recoveryCodes} continueHref={home} />),
        );
      },
    }),
  );
}
