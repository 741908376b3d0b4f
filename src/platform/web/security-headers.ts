import type { FastifyInstance, onRequestHookHandler } from "fastify";

/** The policy written out in full, so a reader (and a test) sees exactly what pages may load. */
export const contentSecurityPolicy = {
  "default-src": ["'none'"],
  // The site's own addresses only: a page-side fetch of /robots.txt (how Lighthouse reads it) must work (record 066).
  "connect-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'none'"],
};

const headerValue = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(" ")}`)
    .join(";");

/** The same policy as one header value (also for the few answers sent before any hook runs). */
export const contentSecurityPolicyHeader = headerValue(contentSecurityPolicy);

/** The policy of a page the given origins may frame: only `frame-ancestors` differs (record 041). */
export function framedPolicy(origins: readonly string[]): Record<string, string[]> {
  return { ...contentSecurityPolicy, "frame-ancestors": origins.length > 0 ? [...origins] : ["'none'"] };
}

/** That policy as one header value, for error answers that set it themselves. */
export const framedPolicyHeader = (origins: readonly string[]) => headerValue(framedPolicy(origins));

/** The headers every answer carries besides the policy (record 046: the set helmet 8 sent, written out). */
function otherHeaders(https: boolean): Record<string, string> {
  return {
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Only when the public URL is https; on plain-http development it would lock a browser out.
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
    // No X-Frame-Options: frame-ancestors says who may frame a page, and SAMEORIGIN contradicted it.
  };
}

/** Every security header of an answer, computed once per policy: the site's, or a framed page's. */
export function securityHeaders(options: { https: boolean; frameOrigins?: readonly string[] }) {
  const policy = options.frameOrigins
    ? framedPolicyHeader(options.frameOrigins)
    : contentSecurityPolicyHeader;
  return Object.freeze({ "content-security-policy": policy, ...otherHeaders(options.https) });
}

/**
 * Sends the headers with every answer of the routes registered in `app` (and its children), from a hook
 * that only copies strings made at start: nothing is built per request (record 046). A child context
 * (the embed pages) adds its own hook after the site's, so its policy is the one sent.
 */
export function sendSecurityHeaders(app: FastifyInstance, headers: Readonly<Record<string, string>>): void {
  const entries = Object.entries(headers);
  const copySecurityHeaders: onRequestHookHandler = (_request, reply, done) => {
    for (const [name, value] of entries) reply.header(name, value);
    done();
  };
  app.addHook("onRequest", copySecurityHeaders);
}

export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  sendSecurityHeaders(app, securityHeaders(options));
}
