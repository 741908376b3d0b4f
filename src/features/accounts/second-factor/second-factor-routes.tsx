import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { endAllSessions, therapistSessionPolicy } from "../../../platform/security/sessions/session-store.ts";
import { issueSignedToken, readSignedToken } from "../../../platform/security/signed-token.ts";
import { formIsGenuine, formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { startSession } from "../../../platform/web/session-cookie.ts";
import type { SiteContext } from "../../../platform/web/site-context.ts";
import { SignInPage } from "../account-pages.tsx";
import { accountMessages as m } from "../messages.ts";
import { authRateLimit, fieldText } from "../route-helpers.ts";
import { therapists } from "../therapist.schema.ts";
import { checkSecondFactor } from "./check-second-factor.ts";
import { finishTotpEnrolment, startTotpEnrolment, unsealPendingSecret } from "./enrol-totp.ts";
import { RecoveryCodesPage, SignInCodePage, TwoStepSetupPage } from "./second-factor-pages.tsx";
import { totpUri } from "./totp.ts";

type Deps = { db: Database; site: SiteContext; keys: KeyRing; publicUrl: URL; secure: boolean };

const ticketPurpose = "sign-in-code";
/** Long enough to find the phone; short enough that a forgotten tab is useless. */
const ticketSeconds = 10 * 60;

/** After the password: the page asking for the code, carrying a signed "password accepted" ticket. */
export function sendCodeStep(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<Deps, "site" | "keys">,
  state: { therapistId: string; status?: number; error?: string; problem?: string },
) {
  const form = {
    token: formTokenFor(request, deps.keys.current, "sign-in-code", "anonymous"),
    ticket: issueSignedToken(deps.keys.current, ticketPurpose, state.therapistId, ticketSeconds),
    error: state.error,
    problem: state.problem,
  };
  return sendPrivate(reply, renderPage(<SignInCodePage site={deps.site} form={form} />), state.status ?? 200);
}

export function registerSecondFactorRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, site, keys, publicUrl, secure } = deps;
  const key = keys.current;

  app.post("/sign-in/code", { config: { ...authRateLimit, access: "anonymous" } }, async (request, reply) => {
    const therapistId = readSignedToken(key, ticketPurpose, fieldText(request.body, "ticket"));
    const startAgain = (problem: string) =>
      sendPrivate(
        reply,
        renderPage(
          <SignInPage
            site={site}
            form={{ token: formTokenFor(request, key, "sign-in", "anonymous"), problem }}
            linkToken={formTokenFor(request, key, "sign-in-link", "anonymous")}
          />,
        ),
        400,
      );
    if (!therapistId) return startAgain(m.codeTooSlow);
    if (!formIsGenuine(request, key, "sign-in-code", "anonymous", publicUrl)) {
      return sendCodeStep(request, reply, deps, { therapistId, status: 403, problem: m.formExpired });
    }
    const code = fieldText(request.body, "code").trim();
    if (!code) return sendCodeStep(request, reply, deps, { therapistId, status: 400, error: m.codeMissing });
    const result = await checkSecondFactor(db, keys, { therapistId, code: code.slice(0, 40) });
    if (result.outcome === "wait") {
      return sendCodeStep(request, reply, deps, {
        therapistId,
        status: 429,
        problem: m.waitBeforeTrying(result.minutes),
      });
    }
    if (result.outcome === "wrong") {
      return sendCodeStep(request, reply, deps, { therapistId, status: 401, error: m.codeWrong });
    }
    await startSession(
      db,
      request,
      reply,
      { kind: "therapist", id: therapistId },
      therapistSessionPolicy,
      secure,
    );
    return reply.redirect(
      result.recoveryCodesLeft < 3 && result.factor === "recovery-code" ? "/account/two-step" : "/practice",
      303,
    );
  });

  const setupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    therapistId: string,
    extra: { status?: number; error?: string; problem?: string; secret?: string; sealed?: string } = {},
  ) => {
    const [row] = await db.select().from(therapists).where(eq(therapists.id, therapistId));
    if (!row?.email) return reply.redirect("/sign-in", 303);
    // Moving the second factor to a new phone needs a session that passed the current one.
    if (row.totpEnabledAt && request.account?.assurance !== "full") return reply.redirect("/sign-in", 303);
    const fresh =
      extra.secret && extra.sealed
        ? { secret: extra.secret, sealed: extra.sealed }
        : startTotpEnrolment(keys, therapistId);
    return sendPrivate(
      reply,
      renderPage(
        <TwoStepSetupPage
          site={site}
          token={formTokenFor(request, key, "two-step", "session")}
          secret={fresh.secret}
          sealed={fresh.sealed}
          uri={totpUri(fresh.secret, row.email, site.practice.name)}
          alreadyOn={row.totpEnabledAt !== null}
          error={extra.error}
          problem={extra.problem}
        />,
      ),
      extra.status ?? 200,
    );
  };

  app.get("/account/two-step", { config: { access: "therapist-enrolling" } }, async (request, reply) => {
    if (request.account?.kind !== "therapist") return reply.redirect("/sign-in", 303);
    return setupPage(request, reply, request.account.id);
  });

  app.post(
    "/account/two-step",
    { config: { ...authRateLimit, access: "therapist-enrolling" } },
    async (request, reply) => {
      const account = request.account;
      if (account?.kind !== "therapist") return reply.redirect("/sign-in", 303);
      if (!formIsGenuine(request, key, "two-step", "session", publicUrl)) {
        return setupPage(request, reply, account.id, { status: 403, problem: m.formExpired });
      }
      const [current] = await db.select().from(therapists).where(eq(therapists.id, account.id));
      if (current?.totpEnabledAt && account.assurance !== "full") return reply.redirect("/sign-in", 303);
      const sealed = fieldText(request.body, "pending");
      const secret = unsealPendingSecret(keys, account.id, sealed);
      if (!secret) return setupPage(request, reply, account.id, { status: 400, problem: m.twoStepExpired });
      const result = await finishTotpEnrolment(db, keys, {
        therapistId: account.id,
        secret,
        code: fieldText(request.body, "code"),
      });
      if (!result.ok) {
        // The same secret again, so the app the person has just set up keeps working.
        return setupPage(request, reply, account.id, { status: 400, error: m.codeWrong, secret, sealed });
      }
      // Every other sign-in (perhaps from before, with a password alone) ends; this one is renewed as full.
      await endAllSessions(db, { kind: "therapist", id: account.id });
      await startSession(
        db,
        request,
        reply,
        { kind: "therapist", id: account.id },
        therapistSessionPolicy,
        secure,
      );
      return sendPrivate(reply, renderPage(<RecoveryCodesPage site={site} codes={result.recoveryCodes} />));
    },
  );
}
