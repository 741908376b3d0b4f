import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerCycleRoutes } from "./cycle-routes.tsx";
import { registerTherapistCycleRoutes } from "./therapist-cycle-routes.tsx";

/** The cycle map: each partner's side, shared when ready, and the loop drawn once both have shared. */
export function registerCycleMap(app: FastifyInstance, ctx: AppContext): void {
  registerCycleRoutes(app, ctx);
  registerTherapistCycleRoutes(app, ctx);
}
