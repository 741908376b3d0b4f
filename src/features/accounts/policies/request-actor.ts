import type { FastifyRequest } from "fastify";
import type { Actor } from "./policy.ts";

/** The policy's view of whoever made the request, from what the access gates found. */
export function requestActor(request: FastifyRequest): Actor {
  if (request.client) {
    const { id, coupleId, therapistId } = request.client;
    return { kind: "client", clientId: id, coupleId, therapistId };
  }
  if (request.therapist) {
    return { kind: "therapist", therapistId: request.therapist.id, isOwner: request.therapist.isOwner };
  }
  return { kind: "anonymous" };
}
