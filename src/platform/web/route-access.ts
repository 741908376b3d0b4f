import type { FastifyInstance } from "fastify";

/**
 * Who may reach a route at all. Every route declares one (registration fails otherwise); the
 * accounts feature enforces each before the handler runs, so no handler can forget. Which *record*
 * someone may read or change is then a policy's question.
 */
export const routeAccessLevels = [
  /** Anyone; cached pages hold nothing about a person. */
  "public",
  /** Forms for people not (yet) signed in: sign-in, set-up, invitations, emailed links. */
  "anonymous",
  /** Anyone signed in: their own sign-ins, signing out. */
  "signed-in",
  /** A therapist who has given a password but has no second factor yet: only the enrolment page. */
  "therapist-enrolling",
  /** A therapist with both factors. */
  "therapist",
  /** The therapist who owns the practice. */
  "owner",
  /** A client whose account is active. */
  "client",
] as const;

export type RouteAccess = (typeof routeAccessLevels)[number];

export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the test that walks them all. */
    declaredRoutes: DeclaredRoute[];
  }
}

export function requireDeclaredAccess(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate("declaredRoutes", declared);
  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (!access) {
      throw new Error(`${route.method} ${route.url} must declare who may reach it (config.access).`);
    }
    for (const method of [route.method].flat()) declared.push({ method, url: route.url, access });
  });
}
