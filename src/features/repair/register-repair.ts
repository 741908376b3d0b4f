import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerClientRepairRoutes } from "./client-repair-routes.tsx";
import { registerInjuryRoutes } from "./injury-routes.tsx";
import { registerPieceRoutes } from "./piece-routes.tsx";
import { registerRepairOverviewRoutes } from "./repair-overview-routes.tsx";
import { registerStoryRoutes } from "./story-routes.tsx";

/** The repair space: a couple's injuries, the therapist's map and pieces, and the story they write together. */
export function registerRepair(app: FastifyInstance, ctx: AppContext): void {
  registerClientRepairRoutes(app, ctx);
  registerPieceRoutes(app, ctx);
  registerStoryRoutes(app, ctx);
  registerRepairOverviewRoutes(app, ctx);
  registerInjuryRoutes(app, ctx);
}
