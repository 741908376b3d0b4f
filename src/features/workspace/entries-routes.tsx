import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FieldErrors, type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { withQuestions } from "../repair/pieces/question-asked.ts";
import { safetyMessages } from "../safety/messages.ts";
import { entriesSharedByPartner, ownEntries, writeEntry } from "./entries.ts";
import { EntriesPage } from "./entry-pages.tsx";
import { chosenSharing, type NoteValues, noteProblems, noteShape, readNote } from "./note.form.ts";
import type { SecretsReminder } from "./sharing-fields.tsx";
import { sharingRules } from "./sharing-rules.ts";

/** A client's notes: the list, and writing a new one with who may read it. */
export function registerEntriesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces, pathPieces } = ctx;
  const pieces = [...repairPieces, ...pathPieces];
  const { scopeOf, partnerShareAllowed, tellTherapistOfShare, reminderBefore } = sharingRules(ctx);
  const key = keys.current;

  /** The trigger log keeps its own page (features/trigger-log); the notes are everything else. */
  const ownNotes = async (clientId: string) =>
    (await ownEntries(db, keys, clientId)).filter((entry) => entry.kind === "note");

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: Partial<FormState<NoteValues>> = {},
    reminder?: SecretsReminder,
  ) => {
    const client = clientOf(request);
    return sendPrivate(
      reply,
      renderPage(
        <EntriesPage
          site={site}
          own={withQuestions(pieces, await ownNotes(client.id))}
          fromPartner={withQuestions(pieces, await entriesSharedByPartner(db, keys, client))}
          scope={await scopeOf(request)}
          timeZone={site.practice.timeZone}
          form={{ token: formTokenFor(request, key, "entries", "session"), ...form }}
          reminder={reminder}
          crisis={request.crisisWords}
        />,
      ),
      status,
    );
  };

  app.get("/my/entries", { config: { access: "client" } }, (request, reply) => listPage(request, reply, 200));

  app.post(
    "/my/entries",
    { config: { ...authRateLimit, access: "client" } },
    formPost({
      form: { name: "entries", scope: "session", keys: key, publicUrl },
      read: readNote,
      schema: noteShape,
      rerender: listPage,
      handle: ({ request, reply, values, invalid }) => saveNote(request, reply, values, invalid),
    }),
  );

  /** The note's use case: checks that need the couple's state, then the note, its notice and any help. */
  const saveNote = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: NoteValues,
    invalid: (errors: FieldErrors) => unknown,
  ) => {
    const client = clientOf(request);
    const body = values.body.trim();
    const sharing = chosenSharing(request.body, clientOf(request).coupleId !== null);
    const errors = noteProblems(body, sharing);
    if (sharing && !(await partnerShareAllowed(request, "nobody", sharing)))
      errors.sharing = safetyMessages.partnerShareRefused;
    if (!sharing || Object.keys(errors).length > 0) return invalid(errors);
    if (
      !allow(requestActor(request), "create", {
        type: "entry",
        clientId: client.id,
        therapistId: client.therapistId,
        coupleId: client.coupleId,
        sharedWith: { partner: false, therapist: false },
      })
    )
      return sendErrorPage(reply, site, 404);
    const reminder = await reminderBefore(request, sharing);
    if (reminder) return listPage(request, reply, reminder.error ? 400 : 200, { values }, reminder);
    await writeEntry(db, keys, { clientId: client.id, body, sharing });
    await tellTherapistOfShare(request, "nobody", sharing);
    // Help first, on this very page: the note is saved; a redirect would lose the moment to show it.
    if (request.crisisWords) return listPage(request, reply, 200);
    return reply.redirect("/my/entries", 303);
  };
}
