import type { FastifyInstance, onResponseHookHandler } from "fastify";

/**
 * One line per request with the route's pattern ("/articles/:slug"), never the URL itself:
 * URLs can carry tokens and hints about a person, and logs must not.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  // A plain callback: no promise per answer (record 046).
  const writeRequestLine: onResponseHookHandler = (request, reply, done) => {
    // Below the configured level nothing is built (record 068): Fastify makes the route's options afresh
    // at each read, and a quiet route's line (debug) is below info too.
    const log = request.log as { isLevelEnabled?: (level: string) => boolean };
    if (log.isLevelEnabled?.("info") === false) return done();
    const route = request.routeOptions;
    const level = route.config.quietLog ? "debug" : "info";
    request.log[level](
      {
        method: request.method,
        route: route.url ?? "(no route)",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
    done();
  };
  app.addHook("onResponse", writeRequestLine);
}
