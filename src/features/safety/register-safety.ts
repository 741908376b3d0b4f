import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerJointWorkRoutes } from "./joint-work-routes.tsx";

/**
 * Safety's pages: the joint-work gate. (The crisis-words check is a hook on every post, registered in
 * app.ts after the access gates and before any route.)
 */
export function registerSafety(app: FastifyInstance, ctx: AppContext): void {
  registerJointWorkRoutes(app, ctx);
}
