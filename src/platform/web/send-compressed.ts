import type { FastifyReply, FastifyRequest } from "fastify";
import { alreadyHeld, bytesIn, type CompressedBody, chooseEncoding } from "./compressed-body.ts";

/**
 * Sends a pre-compressed body with its ETag; answers 304 when the browser already has it.
 * The caller sets Content-Type and Cache-Control.
 */
export function sendCompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CompressedBody,
): FastifyReply {
  reply.header("etag", body.etag);
  reply.header("vary", "accept-encoding");
  if (alreadyHeld(request.headers["if-none-match"], body)) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers["accept-encoding"]);
  if (encoding) reply.header("content-encoding", encoding);
  return reply.send(bytesIn(body, encoding));
}
