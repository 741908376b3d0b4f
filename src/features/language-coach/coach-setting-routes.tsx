import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { coachIsOn, setCoach } from "./coach-setting.ts";
import { type CoachSettingView, coachSettingFormName } from "./coach-setting-section.tsx";

const params = z.object({ id: z.uuid() });

/** The coach's setting for a client the therapist may change; undefined (a 404) for anyone else's. */
async function settableClient(db: AppContext["db"], request: FastifyRequest) {
  const parsed = params.safeParse(request.params);
  if (!parsed.success) return undefined;
  const [row] = await db.select().from(clients).where(eq(clients.id, parsed.data.id));
  if (!row) return undefined;
  const resource = {
    type: "language-coach" as const,
    clientId: row.id,
    therapistId: row.therapistId,
    coupleId: row.coupleId,
  };
  return allow(requestActor(request), "update", resource) ? row : undefined;
}

/** For the client record page: the section's view, when this therapist may change the setting. */
export async function coachSettingView(
  { db, keys }: Pick<AppContext, "db" | "keys">,
  request: FastifyRequest,
  clientId: string,
): Promise<CoachSettingView> {
  const token = formTokenFor(request, keys.current, coachSettingFormName, "session");
  return { clientId, on: await coachIsOn(db, clientId), token };
}

/** The therapist turns the language coach on or off for one client (audited in setCoach). */
export function registerCoachSettingRoutes(
  app: FastifyInstance,
  { db, site, keys, publicUrl }: AppContext,
): void {
  const back = (reply: FastifyReply, id: string) =>
    reply.redirect(`/practice/clients/${id}#language-coach`, 303);
  app.post(
    "/practice/clients/:id/language-coach",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form: { name: coachSettingFormName, scope: "session", keys: keys.current, publicUrl },
      // An old page changes nothing: back to the record, or the same 404 as a record that is not there.
      notGenuine: async (request, reply) => {
        const row = await settableClient(db, request);
        return row ? back(reply, row.id) : sendErrorPage(reply, site, 404);
      },
      handle: async (request, reply) => {
        const row = await settableClient(db, request);
        if (!row) return sendErrorPage(reply, site, 404);
        const on = fieldText(request.body, "on");
        if (on === "yes" || on === "no")
          await setCoach(db, { therapistId: therapistOf(request).id, clientId: row.id, on: on === "yes" });
        return back(reply, row.id);
      },
    }),
  );
}
