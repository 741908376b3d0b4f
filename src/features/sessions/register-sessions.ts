import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerMyAppointmentsRoutes } from "./my-appointments-routes.ts";
import { registerSessionChangeRoutes } from "./session-change-routes.tsx";
import { registerSessionsRoutes } from "./sessions-routes.tsx";

/** Sessions after the consultation (record 055): the therapist books, moves and cancels them;
 * clients see theirs, with a calendar file. */
export function registerSessions(app: FastifyInstance, ctx: AppContext): void {
  registerSessionsRoutes(app, ctx);
  registerSessionChangeRoutes(app, ctx);
  registerMyAppointmentsRoutes(app, ctx);
}
