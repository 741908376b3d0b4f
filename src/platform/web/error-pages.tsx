import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isDatabaseUnavailable } from "../db/database-unavailable.ts";
import { formKeptDuringOutage, markUnavailable } from "./database-outage.ts";
import { Layout } from "./layout.tsx";
import { webMessages as m } from "./messages.ts";
import { renderPage } from "./render-page.ts";
import { safeError } from "./safe-error.ts";
import { contentSecurityPolicyHeader } from "./security-headers.ts";
import type { SiteContext } from "./site-context.ts";

type ErrorCopy = { title: string; body: string };

const copyByStatus: Record<number, ErrorCopy> = {
  ...m.errors,
  503: { title: m.unavailableTitle, body: m.unavailableBody },
};
const fallbackClientError: ErrorCopy = m.clientError;
const serverError: ErrorCopy = m.serverError;

/** What an error page says for a status. */
export function errorCopy(status: number): ErrorCopy {
  return copyByStatus[status] ?? (status >= 500 ? serverError : fallbackClientError);
}

/** A form post to send again unchanged: where it went, and its fields (never a password). */
export type Resend = { action: string; fields: [string, string][] };

export function ErrorPage({ site, status, resend }: { site: SiteContext; status: number; resend?: Resend }) {
  const copy = errorCopy(status);
  return (
    <Layout site={site} meta={{ title: copy.title, description: copy.body, noindex: true }}>
      <div class="prose-width error-page stack">
        <h1>{copy.title}</h1>
        <p>{copy.body}</p>
        {resend ? (
          <form method="post" action={resend.action} class="stack">
            <p>{m.resendKept}</p>
            {resend.fields.map(([name, value], index) => (
              <input key={index} type="hidden" name={name} value={value} />
            ))}
            <button class="button" type="submit">
              {m.resendButton}
            </button>
          </form>
        ) : null}
        <p>
          <a href="/">{m.homePage}</a> · <a href="/articles">{m.readArticles}</a> ·{" "}
          <a href="/help-now">{m.findHelpNow}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Every error answer: the calm page, never cached, with the CSP even when the security-headers hook has not run. */
export function sendErrorPage(
  reply: FastifyReply,
  site: SiteContext,
  status: number,
  resend?: Resend,
): FastifyReply {
  return reply
    .code(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("content-security-policy", contentSecurityPolicyHeader)
    .send(renderPage(<ErrorPage site={site} status={status} {...(resend ? { resend } : {})} />));
}

/**
 * A posted form's fields, to carry on the 503 page so nothing typed is lost even when the form's own page
 * cannot be shown. Passwords are left out (they are never shown again); the form's token stays, so the
 * post is accepted when sent again.
 */
export function resendOf(request: FastifyRequest): Resend | undefined {
  if (request.method !== "POST" || !request.body || typeof request.body !== "object") return undefined;
  // Only back to a path of this site (never "//elsewhere").
  if (!request.url.startsWith("/") || request.url.startsWith("//")) return undefined;
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
    if (/password/i.test(name)) continue;
    for (const one of Array.isArray(value) ? value : [value])
      if (typeof one === "string") fields.push([name, one]);
  }
  return { action: request.url, fields };
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
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) return answerOutage(error, request, reply, site);
    return sendErrorPage(reply, site, errorStatus(error, request));
  });
}

/**
 * The database is unreachable, overloaded or full: 503 with Retry-After. A form post whose route said how
 * to show its page again gets that page, with what was typed; anything else gets the calm 503 page.
 */
async function answerOutage(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  site: SiteContext,
): Promise<FastifyReply> {
  request.log.warn({ error: safeError(error), route: request.routeOptions.url }, "database unavailable");
  markUnavailable(reply);
  const rerender = formKeptDuringOutage(request);
  if (rerender) {
    try {
      await rerender();
      if (reply.sent) return reply;
    } catch (again) {
      // The page itself needs the database: fall back to the calm page.
      if (!isDatabaseUnavailable(again))
        request.log.error({ error: safeError(again), route: request.routeOptions.url }, "request failed");
    }
  }
  return sendErrorPage(markUnavailable(reply), site, 503, resendOf(request));
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
