import type { FastifyReply, FastifyRequest } from "fastify";
import { compressBody } from "./compressed-body.ts";
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
export async function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  options: {
    key: string;
    contentType?: string;
    cacheControl?: string;
    cacheable?: boolean;
    render: () => Promise<string | undefined> | string | undefined;
  },
): Promise<FastifyReply> {
  const body =
    options.cacheable === false
      ? await uncached(options.render)
      : await cache.get(options.key, async () => options.render());
  if (!body) {
    reply.callNotFound();
    return reply;
  }
  reply.type(options.contentType ?? "text/html; charset=utf-8");
  reply.header("cache-control", options.cacheControl ?? publicCacheControl);
  return sendCompressed(request, reply, body);
}

async function uncached(render: () => Promise<string | undefined> | string | undefined) {
  const text = await render();
  return text === undefined ? undefined : compressBody(text);
}
