import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerAuditLogRoutes } from "./audit-log-routes.tsx";
import { registerClientRecordRoutes } from "./client-record-routes.tsx";
import { registerClientsRoutes } from "./clients/clients-routes.tsx";
import { registerCloseClientRoutes } from "./clients/close-client-routes.tsx";
import { registerMeasureScheduleRoutes } from "./measure-schedule-routes.tsx";
import { registerPauseClientRoutes } from "./pause/pause-client-routes.tsx";
import { registerPracticeRoutes } from "./practice-routes.tsx";
import { registerTherapistsRoutes } from "./therapists-routes.tsx";
import { registerTimelineRoutes } from "./timeline/timeline-routes.tsx";

/** The therapist's side: home, the measures, client records, the audit log, therapists. */
export function registerPractice(app: FastifyInstance, ctx: AppContext): void {
  registerPracticeRoutes(app, ctx);
  registerAuditLogRoutes(app, ctx);
  registerClientsRoutes(app, ctx);
  registerCloseClientRoutes(app, ctx);
  registerClientRecordRoutes(app, ctx);
  registerTimelineRoutes(app, ctx);
  registerPauseClientRoutes(app, ctx);
  registerMeasureScheduleRoutes(app, ctx);
  registerTherapistsRoutes(app, ctx);
}
