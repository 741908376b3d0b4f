import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerConsentEditRoutes } from "./consent-edit-routes.tsx";
import { registerHelpLineRoutes } from "./help-line-routes.tsx";
import { registerPageEditRoutes } from "./page-edit-routes.tsx";
import { registerSettingsRoutes } from "./settings-routes.tsx";

/** The owner's pages for the practice's settings, stored in the database and live (record 053). */
export function registerPracticeSettings(app: FastifyInstance, ctx: AppContext): void {
  registerSettingsRoutes(app, ctx);
  registerHelpLineRoutes(app, ctx);
  registerPageEditRoutes(app, ctx);
  registerConsentEditRoutes(app, ctx);
}
