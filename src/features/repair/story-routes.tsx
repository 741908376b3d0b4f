import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { repairRateLimit } from "./client-repair-routes.tsx";
import { readableInjury } from "./client-repair-view.ts";
import { repairMessages as m } from "./messages.ts";
import { latestVersion, type StoryVersion, saveStory, storyLimit, storyOf } from "./story.ts";
import { StoryPage } from "./story-page.tsx";

const params = z.object({ injuryId: z.uuid() });
const storyForm = "repair-story";
const storySchema = z.object({
  story: z.string().trim().min(1, m.storyEmpty).max(storyLimit, m.storyTooLong(storyLimit)),
  basedOn: z.coerce.number().int().min(0),
});

type Values = { story: string; basedOn: string };

/** The couple's story of one injury, once their therapist has opened it: both write, every save kept. */
export function registerStoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl } = ctx;

  /**
   * The injury whose story this partner may read, and whether they may still change it; undefined (the
   * same 404 as no story at all) when they may not read it.
   */
  const storyFor = async (request: FastifyRequest) => {
    const client = clientOf(request);
    const parsed = params.safeParse(request.params);
    const found = parsed.success ? await readableInjury(db, keys, client, parsed.data.injuryId) : undefined;
    if (!found || found.injury.status === "paused") return undefined;
    const resource = {
      type: "story" as const,
      therapistId: found.injury.therapistId,
      coupleId: found.injury.coupleId,
      jointWorkOpen: found.jointWorkOpen,
      storyOpen: found.injury.storyOpenedAt !== null,
      injuryClosed: found.injury.status === "closed",
    };
    const actor = requestActor(request);
    if (!allow(actor, "read", resource)) return undefined;
    return { injury: found.injury, writable: allow(actor, "update", resource) };
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState<Values> & { theirs?: StoryVersion },
    notice?: string,
  ) => {
    const access = await storyFor(request);
    if (!access) return sendErrorPage(reply, site, 404);
    const { injury, writable } = access;
    const story = await storyOf(db, keys, injury.id);
    const latest = story.versions[0];
    return sendPrivate(
      reply,
      renderPage(
        <StoryPage
          site={site}
          injury={injury}
          story={story}
          readerId={clientOf(request).id}
          writable={writable}
          notice={notice}
          crisis={request.crisisWords}
          form={{
            token: formTokenFor(request, keys.current, storyForm, "session"),
            // After a late save the next save is based on the partner's version, with this person's text.
            basedOn: state?.theirs
              ? state.theirs.version
              : Number(state?.values.basedOn ?? latestVersion(story)),
            value: state?.values.story ?? latest?.body ?? "",
            error: state?.errors?.story,
            problem: state?.problem,
            theirs: state?.theirs,
          }}
        />,
      ),
      status,
    );
  };

  const path = "/my/repair/:injuryId/story";
  app.get(path, { config: { access: "client" } }, (request, reply) => {
    const notice = (request.query as Record<string, unknown>).notice === "saved" ? m.storySaved : undefined;
    return page(request, reply, 200, undefined, notice);
  });

  app.post(
    path,
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: storyForm, scope: "session", keys: keys.current, publicUrl },
      read: (body): Values => ({ story: fieldText(body, "story"), basedOn: fieldText(body, "basedOn") }),
      schema: storySchema,
      rerender: page,
      handle: async ({ request, reply, data, values }) => {
        const access = await storyFor(request);
        if (!access) return sendErrorPage(reply, site, 404);
        // Closed while this person was writing: nothing saved, and their words shown so none are lost.
        if (!access.writable) return page(request, reply, 409, { values, problem: m.storyKeptNotSaved });
        const { injury } = access;
        const saved = await saveStory(db, keys, {
          injuryId: injury.id,
          authorClientId: clientOf(request).id,
          basedOn: data.basedOn,
          body: data.story,
        });
        // Nothing lost: the partner's newer version beside this person's own words, still in the box.
        if (saved.kind === "stale")
          return page(request, reply, 409, { values, problem: m.storyStale, theirs: saved.latest });
        if (request.crisisWords) return page(request, reply, 200, undefined, m.storySaved);
        return reply.redirect(`/my/repair/${injury.id}/story?notice=saved`, 303);
      },
    }),
  );
}
