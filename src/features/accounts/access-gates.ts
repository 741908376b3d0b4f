import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { webMessages } from "../../platform/web/messages.ts";
import type { RouteAccess } from "../../platform/web/route-access.ts";
import { type SignedInNav, withSignedInNav } from "../../platform/web/signed-in-nav.ts";
import { clientGate, type SignedInClient } from "./clients/client-gate.ts";
import { type SignedInTherapist, therapistGate } from "./therapist-gate.ts";

declare module "fastify" {
  interface FastifyRequest {
    therapist: SignedInTherapist | undefined;
    client: SignedInClient | undefined;
  }
  interface FastifyContextConfig {
    /**
     * A client route reachable while a consent document's new wording waits for them (record 060): the
     * page that asks, and the client's rights over their data (see, download, erase), which never wait
     * on agreeing to anything.
     */
    beforeConsent?: true;
  }
}

/**
 * Enforces each route's declared access (see platform/web/route-access.ts) before its handler runs,
 * and hands the handler the signed-in therapist or client.
 */
export function registerAccessGates(
  app: FastifyInstance,
  { db, site, consentCheck, keys }: AppContext,
): void {
  app.decorateRequest("therapist", undefined);
  app.decorateRequest("client", undefined);
  // A plain callback, so an open route (every cached public page) costs no promise; the gate's own
  // work is unchanged (Fastify goes on only if the gate has not answered).
  const enforceRouteAccess: preHandlerHookHandler = (request, reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === "public" || access === "anonymous" || access === undefined) return done();
    enforce(request, reply, access).then(() => {
      const nav = reply.sent ? undefined : navFor(request);
      return nav ? withSignedInNav(nav, done) : done();
    }, done);
  };
  app.addHook("preHandler", enforceRouteAccess);

  /** The header a signed-in client or therapist sees on every page of their own (issue 16, item 4). */
  function navFor(request: FastifyRequest): SignedInNav | undefined {
    const signOutToken = () => formTokenFor(request, keys.current, "sign-out", "session");
    if (request.client) return { kind: "client", links: clientLinks, signOutToken: signOutToken() };
    if (request.therapist)
      return {
        kind: "therapist",
        links: request.therapist.isOwner ? [...therapistLinks, ...ownerLinks] : therapistLinks,
        signOutToken: signOutToken(),
      };
    return undefined;
  }

  async function enforce(request: FastifyRequest, reply: FastifyReply, access: RouteAccess) {
    if (!request.account) return toSignIn(reply);
    if (access === "signed-in") return;
    if (access === "therapist-enrolling") {
      if (request.account.kind !== "therapist") return toSignIn(reply);
      return;
    }
    if (access === "client") {
      const gate = await clientGate(db, request);
      if (!gate.allowed) return toSignIn(reply);
      request.client = gate.client;
      return askForConsent(request, reply, gate.client);
    }
    const gate = await therapistGate(db, request);
    if (!gate.allowed) return reply.redirect(gate.redirect, 303);
    // Another therapist is not told that an owner's page exists.
    if (access === "owner" && !gate.therapist.isOwner) return sendErrorPage(reply, site, 404);
    request.therapist = gate.therapist;
  }

  /**
   * A page of the client's space waits until they have accepted each consent document's current wording
   * (record 060). Only pages are held back: a form being sent goes through, so words typed before the
   * practice changed a document are never lost (and crisis words still meet help); the page it leads to
   * then asks. Help now, the quick exit and signing out are not client routes, so they are never held.
   */
  async function askForConsent(request: FastifyRequest, reply: FastifyReply, client: SignedInClient) {
    if (request.routeOptions.config.beforeConsent) return;
    if (request.method !== "GET" && request.method !== "HEAD") return;
    if ((await consentCheck.toAccept(client)).length > 0) return reply.redirect("/my/consent", 303);
  }
}

const { nav } = webMessages;
const clientLinks = [{ href: "/my", label: nav.yourSpace }];
const therapistLinks = [
  { href: "/practice", label: nav.today },
  { href: "/practice/clients", label: nav.clients },
  { href: "/practice/consultations", label: nav.consultations },
];
const ownerLinks = [
  { href: "/practice/articles", label: nav.practiceArticles },
  { href: "/practice/settings", label: nav.settings },
];

function toSignIn(reply: FastifyReply) {
  return reply.redirect("/sign-in", 303);
}
