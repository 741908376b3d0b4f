import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost } from "../../platform/web/form-post.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { stopSchedule } from "../assessments/measures/measure-schedules.ts";
import { clientForTherapist } from "./client-for-therapist.ts";

export const stopScheduleForm = "stop-schedule";
const scheduleParam = z.object({ scheduleId: z.uuid() });

/** Stopping a weekly questionnaire from the client's record: nothing more is asked, answers stay. */
export function registerMeasureScheduleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;
  const backToMeasures = (clientId: string) => `/practice/clients/${clientId}#measures`;

  app.post(
    "/practice/clients/:id/schedules/:scheduleId/stop",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form: { name: stopScheduleForm, scope: "session", keys: keys.current, publicUrl },
      // An old page: back to the record, where the list shows whether it is still asking.
      notGenuine: async (request, reply) => {
        const found = await clientForTherapist(db, request);
        if (!found) return sendErrorPage(reply, site, 404);
        return reply.redirect(backToMeasures(found.row.id), 303);
      },
      handle: async (request, reply) => {
        const found = await clientForTherapist(db, request);
        const parsed = scheduleParam.safeParse(request.params);
        const mayChange =
          found &&
          allow(requestActor(request), "create", {
            type: "measure",
            ...found.owned,
            resultsShownToClient: false,
          });
        if (!found || !parsed.success || !mayChange) return sendErrorPage(reply, site, 404);
        const stopped = await stopSchedule(db, {
          scheduleId: parsed.data.scheduleId,
          clientId: found.row.id,
          therapistId: therapistOf(request).id,
        });
        // Someone else's schedule, a guessed id, or one stopped a moment ago in another tab: like none.
        if (!stopped) return sendErrorPage(reply, site, 404);
        return reply.redirect(backToMeasures(found.row.id), 303);
      },
    }),
  );
}
