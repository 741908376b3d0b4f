import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerSiteRoutes } from "./site-routes.tsx";

/** The site: home, help now, the practice's privacy and accessibility pages, the placeholders. */
export function registerSite(app: FastifyInstance, ctx: AppContext): void {
  registerSiteRoutes(app, ctx);
}
