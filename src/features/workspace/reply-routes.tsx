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
import { authRateLimit } from "../accounts/route-helpers.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { askedToCheck, coachFor, findingsIn } from "../language-coach/coach-check.ts";
import { questionAsked } from "../repair/pieces/question-asked.ts";
import { safetyMessages } from "../safety/messages.ts";
import { entryWithOwner, writeEntry } from "./entries.ts";
import { workspaceMessages as m } from "./messages.ts";
import { maxEntryLength } from "./note.form.ts";
import { ReplyPage } from "./reply-page.tsx";
import { sharingRules } from "./sharing-rules.ts";

const params = z.object({ id: z.uuid() });
const replyForm = "reply";
type ReplyValues = { body: string; send: string };
const replySchema = z.object({
  body: z.string().trim().min(1, m.bodyMissing).max(maxEntryLength, m.bodyTooLong(maxEntryLength)),
  send: z.enum(["yes", "no"], { error: m.sharingMissing }),
});

/** A reply to something the partner shared: private until its author sends it, withdrawable like any share. */
export function registerReplyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces, pathPieces } = ctx;
  const pieces = [...repairPieces, ...pathPieces];
  const { scopeOf } = sharingRules(ctx);

  /** The partner's note, when this client may read it as shared with them; otherwise a 404 like none. */
  const originalFor = async (request: FastifyRequest) => {
    const parsed = params.safeParse(request.params);
    const found = parsed.success ? await entryWithOwner(db, keys, parsed.data.id) : undefined;
    const client = clientOf(request);
    if (!found || found.entry.clientId === client.id) return undefined;
    return allow(requestActor(request), "read", found.resource) ? found.entry : undefined;
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: FormState<ReplyValues> = { values: { body: "", send: "no" } },
    check = false,
  ) => {
    const original = await originalFor(request);
    if (!original) return sendErrorPage(reply, site, 404);
    const coach = await coachFor(ctx, request, "reply");
    if (coach && check)
      coach.findings = findingsIn([{ label: m.yourReply, text: state.values.body }], "reply");
    const { jointWorkOpen } = await scopeOf(request);
    const token = formTokenFor(request, keys.current, replyForm, "session");
    return sendPrivate(
      reply,
      renderPage(
        <ReplyPage
          site={site}
          original={{ ...original, question: questionAsked(pieces, original) }}
          canSend={jointWorkOpen}
          crisis={request.crisisWords}
          coach={coach}
          form={{ token, ...state }}
        />,
      ),
      status,
    );
  };

  app.get("/my/entries/:id/reply", { config: { access: "client" } }, (request, reply) =>
    page(request, reply, 200),
  );

  app.post(
    "/my/entries/:id/reply",
    { config: { ...authRateLimit, access: "client" } },
    formPost({
      form: { name: replyForm, scope: "session", keys: keys.current, publicUrl },
      read: (body): ReplyValues => ({ body: fieldText(body, "body"), send: fieldText(body, "send") }),
      schema: replySchema,
      rerender: page,
      handle: async ({ request, reply, data, values, invalid }) => {
        // "Check my words": the same page with the reply as typed and the coach's suggestions; nothing saved.
        if (askedToCheck(request.body)) return page(request, reply, 200, { values }, true);
        const original = await originalFor(request);
        if (!original) return sendErrorPage(reply, site, 404);
        const client = clientOf(request);
        // Sending is a share with the partner: only while their therapist has joint work open.
        if (data.send === "yes" && !(await scopeOf(request)).jointWorkOpen)
          return invalid({ send: safetyMessages.partnerShareRefused });
        await writeEntry(db, keys, {
          clientId: client.id,
          body: data.body,
          sharing: data.send === "yes" ? "partner" : "nobody",
          replyTo: original.id,
        });
        if (request.crisisWords) return page(request, reply, 200);
        return reply.redirect("/my/entries", 303);
      },
    }),
  );
}
