import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost } from "../../platform/web/form-post.ts";
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
  const form = { name: jointWorkFormName, scope: "session", keys: keys.current, publicUrl } as const;

  /** The record and the partner screened, both of one couple this therapist may change; else nothing. */
  const screenedPair = async (request: FastifyRequest) => {
    const record = await coupleClient(request, params.safeParse(request.params).data?.id);
    const partner = await coupleClient(request, fieldText(request.body, "partner"));
    return record && partner && partner.coupleId === record.coupleId ? { record, partner } : undefined;
  };
  const recordOf = (request: FastifyRequest) =>
    coupleClient(request, params.safeParse(request.params).data?.id);
  /** An old form changes nothing: back to the record, or the same 404 as for a record that is not there. */
  const backTo = (found: { id: string } | undefined, reply: FastifyReply) =>
    found ? reply.redirect(back(found.id), 303) : sendErrorPage(reply, site, 404);

  app.post(
    "/practice/clients/:id/screened",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form,
      notGenuine: async (request, reply) => backTo((await screenedPair(request))?.record, reply),
      handle: async (request, reply) => {
        const found = await screenedPair(request);
        const therapist = therapistOf(request);
        if (!found) return sendErrorPage(reply, site, 404);
        await recordPrivateScreen(db, { therapistId: therapist.id, clientId: found.partner.id });
        return reply.redirect(back(found.record.id), 303);
      },
    }),
  );

  app.post(
    "/practice/clients/:id/joint-work",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form,
      notGenuine: async (request, reply) => backTo(await recordOf(request), reply),
      handle: async (request, reply) => {
        const record = await recordOf(request);
        const therapist = therapistOf(request);
        const open = fieldText(request.body, "open");
        if (!record) return sendErrorPage(reply, site, 404);
        if (open === "yes" || open === "no")
          await setJointWork(db, {
            therapistId: therapist.id,
            coupleId: record.coupleId,
            open: open === "yes",
          });
        return reply.redirect(back(record.id), 303);
      },
    }),
  );
}
