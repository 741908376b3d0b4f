import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { appointmentsCalendar } from "./appointments-calendar.ts";
import { myAppointments, myAppointmentsFile } from "./my-appointments.tsx";

/** The signed-in client's appointments as a calendar file, read from the same list their space shows. */
export function registerMyAppointmentsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, publicUrl } = ctx;
  app.get(myAppointmentsFile, { config: { access: "client" } }, async (request, reply) => {
    const now = new Date();
    const file = appointmentsCalendar(await myAppointments(db, request, now), {
      practiceName: site.practice.name,
      publicHost: publicUrl.host,
      now,
    });
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", 'attachment; filename="appointments.ics"')
      .type("text/calendar; charset=utf-8")
      .send(file);
  });
}
