import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerChartRoutes } from "./charts/chart-routes.tsx";
import { registerMeasureRoutes } from "./measures/measure-routes.tsx";
import { registerSelfCheckRoutes } from "./self-check/self-check-routes.tsx";

/** Assessments: the public self-check, and the measures a therapist asks a client for. */
export function registerAssessments(app: FastifyInstance, ctx: AppContext): void {
  registerSelfCheckRoutes(app, ctx);
  registerMeasureRoutes(app, ctx);
  registerChartRoutes(app, ctx);
}
