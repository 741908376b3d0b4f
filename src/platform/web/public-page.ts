import type { FastifyReply, FastifyRequest } from "fastify";
import { type CompressedBody, compressBody } from "./compressed-body.ts";
import type { PageCache } from "./page-cache.ts";
import { sendCompressed } from "./send-compressed.ts";

/** Browsers and shared caches may keep public pages briefly; the ETag makes revalidation cheap. */
export const publicCacheControl = "public, max-age=300, stale-while-revalidate=86400";

/** Help lines must never be served stale for long after a number is corrected. */
export const helpLinesCacheControl = "public, max-age=300";

/**
 * Serves a public page from the cache (rendering it on first use) with ETag and compression.
 * A cached page costs no database query. render() returns undefined when the page does not exist.
 * `cacheable: false` renders afresh each time, for a page whose key comes from an open-ended set
 * (so arbitrary addresses cannot fill the cache).
 */
export function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  options: PublicPageOptions,
): Promise<FastifyReply> | FastifyReply {
  // A page already in the cache is sent at once, with no await in between (record 046).
  const cached = options.cacheable === false ? undefined : cache.peek(options.key);
  if (cached) return sendBody(request, reply, cached, options);
  return renderAndSend(request, reply, cache, options);
}

type PublicPageOptions = {
  key: string;
  contentType?: string;
  cacheControl?: string;
  cacheable?: boolean;
  render: () => Promise<string | undefined> | string | undefined;
};

async function renderAndSend(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  options: PublicPageOptions,
): Promise<FastifyReply> {
  const body =
    options.cacheable === false
      ? await uncached(options.render)
      : await cache.get(options.key, async () => options.render());
  if (!body) {
    reply.callNotFound();
    return reply;
  }
  return sendBody(request, reply, body, options);
}

/**
 * Sends a page the caller has just found in the cache (`cache.peek`) as an HTML public page: for a route
 * whose cached answer needs nothing from the request but its address (record 068).
 */
export function sendHeldPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CompressedBody,
): FastifyReply {
  return sendBody(request, reply, body, {});
}

function sendBody(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CompressedBody,
  options: Pick<PublicPageOptions, "contentType" | "cacheControl">,
): FastifyReply {
  reply.type(options.contentType ?? "text/html; charset=utf-8");
  reply.header("cache-control", options.cacheControl ?? publicCacheControl);
  return sendCompressed(request, reply, body);
}

async function uncached(render: () => Promise<string | undefined> | string | undefined) {
  const text = await render();
  return text === undefined ? undefined : compressBody(text);
}
