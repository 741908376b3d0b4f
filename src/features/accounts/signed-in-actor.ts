import type { FastifyRequest } from "fastify";
import type { SignedInClient } from "./clients/client-gate.ts";
import type { SignedInTherapist } from "./therapist-gate.ts";

/** A route whose handler needs an actor its declared access does not guarantee: a mistake in the code. */
function wronglyDeclared(request: FastifyRequest, needs: string): Error {
  const declared = request.routeOptions.config.access ?? "nothing";
  return new Error(
    `${request.method} ${request.routeOptions.url ?? "(unknown route)"} needs ${needs} but declares access "${declared}".`,
  );
}

/**
 * The therapist the access gate admitted (a route declared "therapist" or "owner"). Throws, so a 500
 * rather than someone else's page, when a route was declared with an access that admits no therapist.
 */
export function therapistOf(request: FastifyRequest): SignedInTherapist {
  if (!request.therapist) throw wronglyDeclared(request, "a signed-in therapist");
  return request.therapist;
}

/** The client the access gate admitted (a route declared "client"); throws on a route declared otherwise. */
export function clientOf(request: FastifyRequest): SignedInClient {
  if (!request.client) throw wronglyDeclared(request, "a signed-in client");
  return request.client;
}
