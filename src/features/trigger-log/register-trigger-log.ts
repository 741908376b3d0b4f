import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerTherapistTriggerLogRoutes } from "./therapist-trigger-log-routes.tsx";
import { registerTriggerLogRoutes } from "./trigger-log-routes.tsx";

/** The trigger log: moments a small cue set off the old alarm, private unless shared, charted by week. */
export function registerTriggerLog(app: FastifyInstance, ctx: AppContext): void {
  registerTriggerLogRoutes(app, ctx);
  registerTherapistTriggerLogRoutes(app, ctx);
}
