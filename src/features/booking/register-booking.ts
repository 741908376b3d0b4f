import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { registerCalendarFeedRoutes } from "./calendar-feeds/calendar-feed-routes.tsx";
import { registerEmbedRoutes } from "./embed/embed-routes.ts";
import { registerSubscriptionRoutes } from "./subscription/subscription-routes.ts";
import { registerBookingSettingsRoutes } from "./therapist/booking-settings-routes.tsx";
import { registerConsultationsRoutes } from "./therapist/consultations-routes.tsx";
import { registerBookingRoutes } from "./visitor/booking-routes.tsx";
import { registerManageRoutes } from "./visitor/manage-routes.tsx";

/**
 * Booking: the visitor's flow and manage link, the same flow framed for the practice's own site, and
 * the therapist's settings, calendar feeds, private subscription and consultations. (Its reminder jobs
 * and the feed refresher are background work, started in app.ts.)
 */
export async function registerBooking(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerBookingRoutes(app, ctx);
  registerManageRoutes(app, ctx);
  await registerEmbedRoutes(app, ctx);
  registerBookingSettingsRoutes(app, ctx);
  registerCalendarFeedRoutes(app, ctx);
  registerSubscriptionRoutes(app, ctx);
  registerConsultationsRoutes(app, ctx);
}
