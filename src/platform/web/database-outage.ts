import type { FastifyReply, FastifyRequest } from "fastify";
import { retryAfterSeconds } from "../db/database-unavailable.ts";

type Rerender = () => unknown;

const rerenders = new WeakMap<FastifyRequest, Rerender>();

/**
 * Says how this form post shows its page again — with everything typed and `webMessages.tryAgainInAMinute`
 * — should the database be unavailable while the post is handled. The error handler calls it in place of
 * the plain 503 page, so a visitor in the middle of booking never loses what they wrote.
 */
export function keepFormDuringOutage(request: FastifyRequest, rerender: Rerender): void {
  rerenders.set(request, rerender);
}

/** The form's own page again, if the route registered one; undefined when it did not. */
export function formKeptDuringOutage(request: FastifyRequest): Rerender | undefined {
  return rerenders.get(request);
}

/** Every answer given because the database is unavailable says when to try again. */
export function markUnavailable(reply: FastifyReply): FastifyReply {
  return reply.header("retry-after", String(retryAfterSeconds));
}
