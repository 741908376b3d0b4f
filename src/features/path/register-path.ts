import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerClientPathRoutes } from "./client-path-routes.tsx";
import { registerTherapistPathRoutes } from "./therapist-path-routes.tsx";

/** The individual path (record 052): pieces of a client's own work, opened one at a time by their therapist. */
export function registerPath(app: FastifyInstance, ctx: AppContext): void {
  registerClientPathRoutes(app, ctx);
  registerTherapistPathRoutes(app, ctx);
}
