import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerCoachSettingRoutes } from "./coach-setting-routes.tsx";

/** The language coach: the therapist's setting per client (the check itself lives on the writing forms). */
export function registerLanguageCoach(app: FastifyInstance, ctx: AppContext): void {
  registerCoachSettingRoutes(app, ctx);
}
