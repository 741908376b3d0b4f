import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { actionPost } from "../../platform/web/form-post.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { resetSecondFactor } from "../accounts/second-factor/reset-second-factor.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { practiceMessages as m } from "./messages.ts";
import type { CoverForm } from "./therapist-card.tsx";
import { setCover } from "./therapist-cover.ts";

const params = z.object({ id: z.uuid() });
const coverChoice = z.union([z.literal(""), z.uuid()]);

type Pages = {
  rerender: (request: FastifyRequest, reply: FastifyReply, coverForm: CoverForm) => Promise<unknown>;
  expired: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
};

/** The owner's actions on one therapist: away with a named cover, and resetting their second step. */
export function registerTherapistActionRoutes(
  app: FastifyInstance,
  { db, keys, publicUrl }: AppContext,
  pages: Pages,
): void {
  const form = { name: "therapists", scope: "session", keys: keys.current, publicUrl } as const;
  const ownerMay = (request: FastifyRequest) =>
    allow(requestActor(request), "update", { type: "practice-admin" });
  const notGenuine = (request: FastifyRequest, reply: FastifyReply) =>
    ownerMay(request) ? pages.expired(request, reply) : reply.redirect("/sign-in", 303);

  app.post(
    "/practice/therapists/:id/cover",
    { config: { ...authRateLimit, access: "owner" } },
    actionPost({
      form,
      notGenuine,
      handle: async (request, reply) => {
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        const target = params.safeParse(request.params);
        const value = fieldText(request.body, "cover");
        const choice = coverChoice.safeParse(value);
        if (!target.success) return reply.redirect("/practice/therapists", 303);
        const outcome = choice.success
          ? await setCover(db, {
              ownerId: therapistOf(request).id,
              therapistId: target.data.id,
              coverId: choice.data === "" ? null : choice.data,
            })
          : { ok: false as const, error: m.coverProblems.unknown };
        if (!outcome.ok)
          return pages.rerender(request, reply, { therapistId: target.data.id, value, error: outcome.error });
        return reply.redirect("/practice/therapists?notice=cover", 303);
      },
    }),
  );

  app.post(
    "/practice/therapists/:id/second-step/reset",
    { config: { ...authRateLimit, access: "owner" } },
    actionPost({
      form,
      notGenuine,
      handle: async (request, reply) => {
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        const owner = therapistOf(request);
        const target = params.safeParse(request.params);
        // The owner's own second step moves on /account/two-step, or from the command line if lost.
        if (!target.success || target.data.id === owner.id)
          return reply.redirect("/practice/therapists", 303);
        const outcome = await resetSecondFactor(db, {
          therapistId: target.data.id,
          actor: `therapist:${owner.id}`,
        });
        if (outcome !== "reset") return reply.redirect("/practice/therapists", 303);
        return reply.redirect("/practice/therapists?notice=second-step-reset", 303);
      },
    }),
  );
}
