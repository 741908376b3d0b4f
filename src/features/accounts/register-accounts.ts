import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerAccountRoutes } from "./account-routes.tsx";
import { registerClientRightsRoutes } from "./clients/client-rights-routes.tsx";
import { registerClientRoutes } from "./clients/client-routes.tsx";
import { registerConsentRoutes } from "./clients/consent-routes.tsx";
import { registerPasswordRoutes } from "./password-routes.tsx";
import { registerSecondFactorRoutes } from "./second-factor/second-factor-routes.tsx";
import { registerSignInsRoutes } from "./sign-ins-routes.tsx";

/**
 * Accounts: sign-in and its second factor, your sign-ins, password reset and join links, clients'
 * invitations, consent, magic links, export and erasure. (The access gates are registered with the
 * platform's hooks in app.ts, before any route.)
 */
export function registerAccounts(app: FastifyInstance, ctx: AppContext): void {
  registerAccountRoutes(app, ctx);
  registerSignInsRoutes(app, ctx);
  registerSecondFactorRoutes(app, ctx);
  registerClientRoutes(app, ctx);
  registerClientRightsRoutes(app, ctx);
  registerConsentRoutes(app, ctx);
  registerPasswordRoutes(app, ctx);
}
