import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { type Action, allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { questionAsked } from "../repair/pieces/question-asked.ts";
import { safetyMessages } from "../safety/messages.ts";
import { changeSharing, deleteEntry, type Entry, entryWithOwner } from "./entries.ts";
import { EntryPage } from "./entry-pages.tsx";
import { workspaceMessages as m } from "./messages.ts";
import { chosenSharing } from "./note.form.ts";
import type { SecretsReminder } from "./sharing-fields.tsx";
import { sharingRules } from "./sharing-rules.ts";

const entryParams = z.object({ id: z.uuid() });

/** One of a client's notes: read it, choose who reads it, take a share back, delete it. */
export function registerEntryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces, pathPieces } = ctx;
  const pieces = [...repairPieces, ...pathPieces];
  const { scopeOf, partnerShareAllowed, tellTherapistOfShare, reminderBefore } = sharingRules(ctx);
  const key = keys.current;

  /** The entry, when this person may do `action` to it; otherwise the same 404 as for no entry at all. */
  const entryFor = async (request: FastifyRequest, action: Action) => {
    const params = entryParams.safeParse(request.params);
    if (!params.success) return undefined;
    const found = await entryWithOwner(db, keys, params.data.id);
    return found && allow(requestActor(request), action, found.resource) ? found.entry : undefined;
  };

  const entryPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    entry: Entry,
    status: number,
    extra: { notice?: string; error?: string; reminder?: SecretsReminder } = {},
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <EntryPage
          site={site}
          entry={{ ...entry, question: questionAsked(pieces, entry) }}
          scope={await scopeOf(request)}
          timeZone={site.practice.timeZone}
          token={formTokenFor(request, key, "entry", "session")}
          notice={extra.notice}
          error={extra.error}
          reminder={extra.reminder}
        />,
      ),
      status,
    );

  app.get("/my/entries/:id", { config: { access: "client" } }, async (request, reply) => {
    // Only the author opens a note on its own page; a partner reads what was shared on the list.
    const entry = await entryFor(request, "update");
    if (!entry) return sendErrorPage(reply, site, 404);
    const notice = z.enum(["shared"]).safeParse((request.query as Record<string, unknown>).notice);
    return entryPage(request, reply, entry, 200, notice.success ? { notice: m.sharingChanged } : {});
  });

  /** A post about one note: an old form goes back to it; no note (or not theirs) is the same 404 as ever. */
  const entryAction = (
    action: Action,
    handle: (request: FastifyRequest, reply: FastifyReply, entry: Entry) => unknown,
  ) => {
    const withEntry =
      (then: (request: FastifyRequest, reply: FastifyReply, entry: Entry) => unknown) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        const entry = await entryFor(request, action);
        return entry ? then(request, reply, entry) : sendErrorPage(reply, site, 404);
      };
    return actionPost({
      form: { name: "entry", scope: "session", keys: key, publicUrl },
      notGenuine: withEntry((_request, reply, entry) => reply.redirect(`/my/entries/${entry.id}`, 303)),
      handle: withEntry(handle),
    });
  };

  app.post(
    "/my/entries/:id/sharing",
    { config: { ...authRateLimit, access: "client" } },
    entryAction("update", async (request, reply, entry) => {
      const sharing = chosenSharing(request.body, clientOf(request).coupleId !== null);
      if (!sharing) return reply.redirect(`/my/entries/${entry.id}`, 303);
      if (!(await partnerShareAllowed(request, entry.sharing, sharing)))
        return entryPage(request, reply, entry, 400, { error: safetyMessages.partnerShareRefused });
      const reminder = entry.sharing === "therapist" ? undefined : await reminderBefore(request, sharing);
      if (reminder) return entryPage(request, reply, entry, reminder.error ? 400 : 200, { reminder });
      await changeSharing(db, entry, sharing);
      await tellTherapistOfShare(request, entry.sharing, sharing);
      return reply.redirect(`/my/entries/${entry.id}?notice=shared`, 303);
    }),
  );

  app.post(
    "/my/entries/:id/delete",
    { config: { ...authRateLimit, access: "client" } },
    entryAction("delete", async (_request, reply, entry) => {
      await deleteEntry(db, entry.id);
      return reply.redirect("/my/entries", 303);
    }),
  );
}
