import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost, type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { repairRateLimit } from "../repair/client-repair-routes.tsx";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import { halfSchema, readHalf } from "./cycle-half.form.ts";
import { emptyHalf, type Half, halfOf, saveHalf, setHalfShared } from "./cycle-half.ts";
import { CyclePage } from "./cycle-page.tsx";
import { coupleCycle } from "./cycle-view.ts";
import { cycleMessages as m } from "./messages.ts";

const halfForm = "cycle-half";
const sharingForm = "cycle-sharing";
/** The words of a side posted after joint work closed, shown back so that none is lost. */
const unsavedWords = (half: Half | undefined) =>
  half
    ? [half.movesOwn, half.outside, half.surfaceOwn, half.underneathOwn, half.longingOwn].filter(Boolean)
    : [];

const notices = { saved: m.saved, shared: m.sharedNotice, unshared: m.unsharedNotice } as const;

/** A partner's cycle map: their own side, written privately, shared when they choose, and the loop. */
export function registerCycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;

  /** The couple and whether joint work is open; a client seen alone has no cycle map (404). */
  const coupleOf = async (request: FastifyRequest) => {
    const client = clientOf(request);
    if (!client.coupleId) return undefined;
    const jointWorkOpen = await jointWorkIsOpen(db, client.coupleId);
    return { client, coupleId: client.coupleId, therapistId: client.therapistId, jointWorkOpen };
  };

  /** The person's own side as the policy judges it now: writing needs joint work open. */
  const ownSide = (couple: NonNullable<Awaited<ReturnType<typeof coupleOf>>>, shared: boolean) => ({
    type: "cycle-half" as const,
    clientId: couple.client.id,
    therapistId: couple.therapistId,
    coupleId: couple.coupleId,
    jointWorkOpen: couple.jointWorkOpen,
    shared,
    bothShared: false,
  });

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState<Half>,
    notice?: string,
  ) => {
    const couple = await coupleOf(request);
    if (!couple) return sendErrorPage(reply, site, 404);
    const own = couple.jointWorkOpen ? await halfOf(db, keys, couple.client.id) : undefined;
    const cycle = couple.jointWorkOpen
      ? await coupleCycle(db, keys, requestActor(request), couple)
      : undefined;
    return sendPrivate(
      reply,
      renderPage(
        <CyclePage
          site={site}
          jointWorkOpen={couple.jointWorkOpen}
          loop={cycle?.loop}
          cycleName={cycle?.name}
          saved={own !== undefined}
          sharedAt={own?.sharedAt ?? null}
          unsaved={couple.jointWorkOpen ? undefined : unsavedWords(state?.values)}
          notice={notice}
          crisis={request.crisisWords}
          shareToken={formTokenFor(request, keys.current, sharingForm, "session")}
          form={{
            token: formTokenFor(request, keys.current, halfForm, "session"),
            values: state?.values ?? own?.half ?? emptyHalf,
            errors: state?.errors,
            problem: state?.problem,
          }}
        />,
      ),
      status,
    );
  };

  app.get("/my/cycle", { config: { access: "client" } }, (request, reply) => {
    const query = (request.query as Record<string, unknown>).notice;
    const notice =
      typeof query === "string" && query in notices ? notices[query as keyof typeof notices] : undefined;
    return page(request, reply, 200, undefined, notice);
  });

  app.post(
    "/my/cycle",
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: halfForm, scope: "session", keys: keys.current, publicUrl },
      read: readHalf,
      schema: halfSchema,
      rerender: page,
      handle: async ({ request, reply, data }) => {
        const couple = await coupleOf(request);
        if (!couple) return sendErrorPage(reply, site, 404);
        // Closed while the person was writing: the page says so, with their words still in the form.
        if (!allow(requestActor(request), "update", ownSide(couple, false)))
          return page(request, reply, 409, { values: readHalf(request.body) });
        await saveHalf(db, keys, { clientId: couple.client.id, coupleId: couple.coupleId, half: data });
        if (request.crisisWords) return page(request, reply, 200, undefined, m.saved);
        return reply.redirect("/my/cycle?notice=saved", 303);
      },
    }),
  );

  app.post(
    "/my/cycle/sharing",
    { config: { ...repairRateLimit, access: "client" } },
    actionPost({
      form: { name: sharingForm, scope: "session", keys: keys.current, publicUrl },
      notGenuine: (request, reply) => page(request, reply, 403, undefined, m.buttonExpired),
      handle: async (request, reply) => {
        const couple = await coupleOf(request);
        if (!couple) return sendErrorPage(reply, site, 404);
        const share = (request.body as Record<string, unknown> | undefined)?.share === "yes";
        if (!allow(requestActor(request), "update", ownSide(couple, share))) return page(request, reply, 409);
        const changed = await setHalfShared(db, couple.client.id, share);
        if (!changed) return page(request, reply, 409, undefined, m.shareSaveFirst);
        return reply.redirect(`/my/cycle?notice=${share ? "shared" : "unshared"}`, 303);
      },
    }),
  );
}
