import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerNotificationRoutes } from "./notification-routes.tsx";

/** "Needs you": what needs the therapist, marked seen. */
export function registerNotifications(app: FastifyInstance, ctx: AppContext): void {
  registerNotificationRoutes(app, ctx);
}
