import { asc, isNotNull } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { actionPost, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { webMessages } from "../../platform/web/messages.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { inviteTherapist } from "../accounts/invite-therapist.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { removeDemoData } from "../demo/remove-demo-data.ts";
import { practiceMessages as m } from "./messages.ts";
import { registerTherapistActionRoutes } from "./therapist-action-routes.tsx";
import type { CoverForm, TherapistListing } from "./therapist-card.tsx";
import { TherapistsPage } from "./therapists-page.tsx";

const notices = m.therapistsNotices;
const noticeParam = z.enum(["invited", "demo-removed", "cover", "second-step-reset"]);

const stateOf = (row: typeof therapists.$inferSelect): string => {
  if (row.isOwner) return m.therapistStates.owner;
  if (!row.passwordHash) return m.therapistStates.invited;
  if (!row.totpEnabledAt) return m.therapistStates.noSecondStep;
  return m.therapistStates.active;
};

/** The owner's page for the group practice: its therapists, inviting one, and removing demo data. */
export function registerTherapistsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, cache, publicUrl, demoForcedOn } = ctx;
  const key = keys.current;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: Parameters<typeof TherapistsPage>[0]["form"] = {},
    coverForm?: CoverForm,
  ) => {
    const rows = await db
      .select()
      .from(therapists)
      .where(isNotNull(therapists.email))
      .orderBy(asc(therapists.createdAt));
    const listing: TherapistListing[] = rows.map((row) => ({
      id: row.id,
      name: row.displayName,
      email: row.email ?? "",
      state: stateOf(row),
      coverId: row.coverTherapistId,
      joined: row.passwordHash !== null,
      hasSecondStep: row.totpEnabledAt !== null,
    }));
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <TherapistsPage
          site={site}
          token={formTokenFor(request, key, "therapists", "session")}
          therapists={listing}
          form={form}
          notice={notice.success ? notices[notice.data] : undefined}
          demoForcedOn={demoForcedOn}
          viewerId={therapistOf(request).id}
          coverForm={coverForm}
        />,
      ),
      status,
    );
  };

  const ownerMay = (request: FastifyRequest) =>
    allow(requestActor(request), "update", { type: "practice-admin" });

  registerTherapistActionRoutes(app, ctx, {
    rerender: (request, reply, coverForm) => page(request, reply, 400, {}, coverForm),
    expired: (request, reply) => page(request, reply, 403, { problem: webMessages.formExpired }),
  });

  app.get("/practice/therapists", { config: { access: "owner" } }, (request, reply) =>
    page(request, reply, 200),
  );

  const invitePost = formPost({
    form: { name: "therapists", scope: "session", keys: key, publicUrl },
    read: (body) => ({ displayName: fieldText(body, "displayName"), email: fieldText(body, "email") }),
    // The use case checks the invitation (the command line invites too); here only its shape.
    schema: z.object({ displayName: z.string(), email: z.string() }),
    rerender: page,
    handle: async ({ request, reply, values, invalid }) => {
      const owner = therapistOf(request);
      const result = await inviteTherapist(db, keys, {
        ownerId: owner.id,
        ownerName: owner.displayName,
        values,
        practiceName: site.practice.name,
        timeZone: site.practice.timeZone,
        linkFor: (token) => site.absoluteUrl(`/join/${token}`),
      });
      if (!result.ok) return invalid(result.errors);
      app.jobs.wake();
      return reply.redirect("/practice/therapists?notice=invited", 303);
    },
  });

  app.post(
    "/practice/therapists/invite",
    { config: { ...authRateLimit, access: "owner" } },
    async (request, reply) => {
      if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
      return invitePost(request, reply);
    },
  );

  app.post(
    "/practice/demo/remove",
    { config: { ...authRateLimit, access: "owner" } },
    actionPost({
      form: { name: "therapists", scope: "session", keys: key, publicUrl },
      notGenuine: (request, reply) => {
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        return page(request, reply, 403, { problem: webMessages.formExpired });
      },
      handle: async (request, reply) => {
        const owner = therapistOf(request);
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        await removeDemoData(db, owner.id);
        // Every page carried the demo banner: it goes now, on this instance; others at their next start.
        site.demo = false;
        cache.clear();
        return reply.redirect("/practice/therapists?notice=demo-removed", 303);
      },
    }),
  );
}
