import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { FastifyServerOptions } from "fastify";
import type { Logger } from "pino";
import { alreadyHeld, bytesIn, chooseEncoding } from "./compressed-body.ts";
import type { PageCache } from "./page-cache.ts";
import { publicCacheControl } from "./public-page.ts";
import { safeError } from "./safe-error.ts";

/**
 * A route whose answer, once its page is held in the cache, depends on nothing in the request but its
 * address: the page kept under the address itself (`cache.peek(url)`). The route still answers every
 * request this one does not (record 073).
 */
export type HeldRoute = {
  /** The route's pattern, as its request-log line names it ("/articles/:slug"). */
  route: string;
  /** Whether this address is one of the route's, exactly as the route would match it (no query). */
  matches: (url: string) => boolean;
  contentType?: string;
  cacheControl?: string;
};

type Answer = {
  matches: HeldRoute["matches"];
  route: string;
  headers: Readonly<Record<string, string>>;
};

/**
 * Public pages answered before Fastify (record 073). A GET or HEAD with no cookie, for the exact address
 * of a page already held, gets that page with the site's security headers, its ETag (304 when the
 * browser has it) and the encoding it accepts, and one request-log line as the route would write it.
 * Everything else (a cookie, a query, a page not yet held, the server closing) goes to Fastify untouched.
 * The headers and bytes are the route's own: `held-pages.db.test.ts` compares the two answers.
 */
export class HeldPages {
  readonly #answers: Answer[] = [];
  #closing = false;
  #answered = 0;

  constructor(
    private readonly cache: PageCache,
    private readonly securityHeaders: Readonly<Record<string, string>>,
    private readonly logger: Logger,
  ) {}

  /** Declares a route's held addresses; its headers are put together here, once. */
  add(route: HeldRoute): void {
    this.#answers.push({
      matches: route.matches,
      route: route.route,
      headers: Object.freeze({
        ...this.securityHeaders,
        "content-type": route.contentType ?? "text/html; charset=utf-8",
        "cache-control": route.cacheControl ?? publicCacheControl,
        vary: "accept-encoding",
      }),
    });
  }

  /** From the moment the server begins to close, Fastify answers everything (its 503 while closing). */
  close(): void {
    this.#closing = true;
  }

  /** How many requests were answered here (tests tell the two ways apart with it). */
  get answered(): number {
    return this.#answered;
  }

  /** Answers from a held page and says true, or touches nothing and says false. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.#closing || request.headers.cookie !== undefined) return false;
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const url = request.url ?? "";
    const answer = this.#answers.find((held) => held.matches(url));
    if (!answer) return false;
    const body = this.cache.peek(url);
    if (!body) return false;
    const started = performance.now();
    this.#answered++;
    const headers: OutgoingHttpHeaders = { ...answer.headers, etag: body.etag };
    if (alreadyHeld(request.headers["if-none-match"], body)) {
      response.writeHead(304, headers);
      response.end();
    } else {
      const encoding = chooseEncoding(request.headers["accept-encoding"]);
      const bytes = bytesIn(body, encoding);
      if (encoding) headers["content-encoding"] = encoding;
      headers["content-length"] = bytes.length;
      response.writeHead(200, headers);
      // A HEAD answer carries the length and no body: Node leaves the bytes out itself.
      response.end(bytes);
    }
    this.#log(request.method, answer.route, response.statusCode, started);
    return true;
  }

  /** A fault here must not end the process (nothing catches a server's own listener): Fastify answers. */
  #answerSafely(request: IncomingMessage, response: ServerResponse): boolean {
    try {
      return this.answer(request, response);
    } catch (error) {
      if (response.headersSent) throw error;
      this.logger.error({ error: safeError(error) }, "a held page could not be sent; the route answers");
      return false;
    }
  }

  /** The line `request-logging.ts` writes for the route, at the level it would be written. */
  #log(method: string, route: string, status: number, started: number): void {
    if (!this.logger.isLevelEnabled("info")) return;
    this.logger.info(
      {
        reqId: `held-${this.#answered.toString(36)}`,
        method,
        route,
        status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  }

  /**
   * Fastify's `serverFactory`: the HTTP server Fastify would make (with its timeouts), which offers each
   * request here first.
   */
  readonly serverFactory = (
    handler: (request: IncomingMessage, response: ServerResponse) => void,
    options: FastifyServerOptions & { http?: http.ServerOptions; https?: unknown; http2?: boolean },
  ): http.Server => {
    // Haven serves plain HTTP/1.1 behind its proxy; a TLS or HTTP/2 server here would be silently plain.
    if (options.https || options.http2) throw new Error("held pages serve plain HTTP/1.1 only");
    const server = http.createServer(options.http ?? {}, (request, response) => {
      if (!this.#answerSafely(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout ?? server.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout ?? server.requestTimeout;
    server.setTimeout(options.connectionTimeout ?? 0);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
