import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/** The policy written out in full, so a reader (and a test) sees exactly what pages may load. */
export const contentSecurityPolicy = {
  "default-src": ["'none'"],
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

/** The same policy as one header value, for the few answers sent before helmet's hook runs. */
export const contentSecurityPolicyHeader = headerValue(contentSecurityPolicy);

/** The policy of a page the given origins may frame: only `frame-ancestors` differs (record 041). */
export function framedPolicy(origins: readonly string[]): Record<string, string[]> {
  return { ...contentSecurityPolicy, "frame-ancestors": origins.length > 0 ? [...origins] : ["'none'"] };
}

/** That policy as one header value, for error answers that set it themselves. */
export const framedPolicyHeader = (origins: readonly string[]) => headerValue(framedPolicy(origins));

/**
 * Helmet's options for a route the given origins may frame (the embed pages): the policy above, and no
 * X-Frame-Options, whose SAMEORIGIN cannot name another site (browsers that read frame-ancestors ignore it).
 */
export function framedHelmetOptions(origins: readonly string[]) {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: framedPolicy(origins) },
    xFrameOptions: false,
  } as const;
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { https: boolean },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    // HSTS only when the public URL is https; on plain-http development it would lock a browser out.
    strictTransportSecurity: options.https ? { maxAge: 63072000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    // frame-ancestors says who may frame a page; helmet's X-Frame-Options: SAMEORIGIN contradicted it.
    xFrameOptions: false,
  });
}
