import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { formIsGenuine } from "../../platform/web/form-security.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { recordPrivateScreen, setJointWork } from "./joint-work.ts";
import { jointWorkFormName } from "./joint-work-section.tsx";

const params = z.object({ id: z.uuid() });

/** The therapist records each partner's private screen and opens or closes a couple's joint work. */
export function registerJointWorkRoutes(
  app: FastifyInstance,
  { db, site, keys, publicUrl }: AppContext,
): void {
  /** A client of a couple whose joint work this therapist may change; otherwise nothing (a 404). */
  const coupleClient = async (request: FastifyRequest, id: unknown) => {
    const parsed = z.uuid().safeParse(id);
    if (!parsed.success) return undefined;
    const [row] = await db.select().from(clients).where(eq(clients.id, parsed.data));
    if (!row?.coupleId) return undefined;
    const resource = {
      type: "joint-work" as const,
      clientId: row.id,
      therapistId: row.therapistId,
      coupleId: row.coupleId,
    };
    return allow(requestActor(request), "update", resource) ? { ...row, coupleId: row.coupleId } : undefined;
  };
  const back = (id: string) => `/practice/clients/${id}#joint-work`;
  const genuine = (request: FastifyRequest) =>
    formIsGenuine(request, keys.current, jointWorkFormName, "session", publicUrl);

  app.post(
    "/practice/clients/:id/screened",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const record = await coupleClient(request, params.safeParse(request.params).data?.id);
      const partner = await coupleClient(request, fieldText(request.body, "partner"));
      const therapist = therapistOf(request);
      if (!record || !partner || partner.coupleId !== record.coupleId) return sendErrorPage(reply, site, 404);
      if (genuine(request))
        await recordPrivateScreen(db, { therapistId: therapist.id, clientId: partner.id });
      return reply.redirect(back(record.id), 303);
    },
  );

  app.post(
    "/practice/clients/:id/joint-work",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const record = await coupleClient(request, params.safeParse(request.params).data?.id);
      const therapist = therapistOf(request);
      const open = fieldText(request.body, "open");
      if (!record) return sendErrorPage(reply, site, 404);
      if (genuine(request) && (open === "yes" || open === "no"))
        await setJointWork(db, {
          therapistId: therapist.id,
          coupleId: record.coupleId,
          open: open === "yes",
        });
      return reply.redirect(back(record.id), 303);
    },
  );
}
