import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Layout } from "./layout.tsx";
import { webMessages as m } from "./messages.ts";
import { renderPage } from "./render-page.ts";
import { safeError } from "./safe-error.ts";
import { contentSecurityPolicyHeader } from "./security-headers.ts";
import type { SiteContext } from "./site-context.ts";

type ErrorCopy = { title: string; body: string };

const copyByStatus = m.errors;
const fallbackClientError: ErrorCopy = m.clientError;
const serverError: ErrorCopy = m.serverError;

/** What an error page says for a status. */
export function errorCopy(status: number): ErrorCopy {
  return copyByStatus[status] ?? (status >= 500 ? serverError : fallbackClientError);
}

export function ErrorPage({ site, status }: { site: SiteContext; status: number }) {
  const copy = errorCopy(status);
  return (
    <Layout site={site} meta={{ title: copy.title, description: copy.body, noindex: true }}>
      <div class="prose-width error-page stack">
        <h1>{copy.title}</h1>
        <p>{copy.body}</p>
        <p>
          <a href="/">{m.homePage}</a> · <a href="/articles">{m.readArticles}</a> ·{" "}
          <a href="/help-now">{m.findHelpNow}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Every error answer: the calm page, never cached, with the CSP even when helmet's hook has not run. */
export function sendErrorPage(reply: FastifyReply, site: SiteContext, status: number): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("content-security-policy", contentSecurityPolicyHeader)
    .send(renderPage(<ErrorPage site={site} status={status} />));
}

/**
 * For Fastify's frameworkErrors option: a malformed URL (/%) or an overlong one is answered before
 * any route or hook runs — still a calm page, never JSON.
 */
export function frameworkErrorPage(site: SiteContext) {
  return (_error: unknown, _request: unknown, reply: unknown) => {
    sendErrorPage(reply as FastifyReply, site, 400);
  };
}

/** Friendly pages for 404 and every error; never a stack trace or an error code in the browser. */
export function registerErrorPages(app: FastifyInstance, site: SiteContext): void {
  app.setNotFoundHandler((_request, reply) => sendErrorPage(reply, site, 404));
  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendErrorPage(reply, site, errorStatus(error, request)),
  );
}

/** The status an error is answered with, logged by route pattern (never the URL or a stack in the page). */
export function errorStatus(error: FastifyError, request: FastifyRequest): number {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  if (status >= 500)
    request.log.error({ error: safeError(error), route: request.routeOptions.url }, "request failed");
  else request.log.info({ code: error.code, status, route: request.routeOptions.url }, "request refused");
  return status;
}
