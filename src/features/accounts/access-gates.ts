import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import type { RouteAccess } from "../../platform/web/route-access.ts";
import { type ClientGate, clientGate, type SignedInClient } from "./clients/client-gate.ts";
import { type SignedInTherapist, therapistGate } from "./therapist-gate.ts";

declare module "fastify" {
  interface FastifyRequest {
    therapist: SignedInTherapist | undefined;
    client: SignedInClient | undefined;
  }
}

/**
 * Enforces each route's declared access (see platform/web/route-access.ts) before its handler runs,
 * and hands the handler the signed-in therapist or client.
 */
export function registerAccessGates(app: FastifyInstance, { db, site }: AppContext): void {
  app.decorateRequest("therapist", undefined);
  app.decorateRequest("client", undefined);
  // A plain callback, so an open route (every cached public page) costs no promise; the gate's own
  // work is unchanged (Fastify goes on only if the gate has not answered).
  app.addHook("preHandler", (request, reply, done) => {
    const access = request.routeOptions.config.access;
    if (access === "public" || access === "anonymous" || access === undefined) return done();
    enforce(request, reply, access).then(() => done(), done);
  });

  async function enforce(request: FastifyRequest, reply: FastifyReply, access: RouteAccess) {
    if (!request.account) return toSignIn(reply);
    if (access === "signed-in") return;
    if (access === "therapist-enrolling") {
      if (request.account.kind !== "therapist") return toSignIn(reply);
      return;
    }
    if (access === "client") return admitClient(await clientGate(db, request), request, reply);
    const gate = await therapistGate(db, request);
    if (!gate.allowed) return reply.redirect(gate.redirect, 303);
    // Another therapist is not told that an owner's page exists.
    if (access === "owner" && !gate.therapist.isOwner) return sendErrorPage(reply, site, 404);
    request.therapist = gate.therapist;
  }
}

function toSignIn(reply: FastifyReply) {
  return reply.redirect("/sign-in", 303);
}

function admitClient(gate: ClientGate, request: FastifyRequest, reply: FastifyReply) {
  if (!gate.allowed) return toSignIn(reply);
  request.client = gate.client;
}
