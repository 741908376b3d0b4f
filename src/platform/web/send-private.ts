import type { FastifyReply } from "fastify";

/** A page for one person's eyes: never stored by the browser or anything between. */
export function sendPrivate(reply: FastifyReply, html: string | Buffer, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").send(html);
}
