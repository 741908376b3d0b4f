import type { FastifyInstance } from "fastify";

/**
 * One line per request with the route's pattern ("/articles/:slug"), never the URL itself:
 * URLs can carry tokens and hints about a person, and logs must not.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    const level = request.routeOptions.config.quietLog ? "debug" : "info";
    request.log[level](
      {
        method: request.method,
        route: request.routeOptions.url ?? "(no route)",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });
}
