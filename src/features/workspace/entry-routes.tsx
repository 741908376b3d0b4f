import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FieldErrors, formPost } from "../../platform/web/form-post.ts";
import { formIsGenuine, formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { type Action, allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { hourly } from "../notifications/notify-therapist.ts";
import { jointWorkIsOpen } from "../safety/joint-work.ts";
import { safetyMessages } from "../safety/messages.ts";
import {
  changeSharing,
  deleteEntry,
  type Entry,
  entriesSharedByPartner,
  entryWithOwner,
  ownEntries,
  type Sharing,
  writeEntry,
} from "./entries.ts";
import {
  EntriesPage,
  EntryPage,
  includesPartner,
  maxEntryLength,
  type SecretsReminder,
  type SharingScope,
  sharingOptions,
} from "./entry-pages.tsx";
import { markSecretsPolicySeen, needsSecretsReminder } from "./secrets-reminder.ts";

const entryParams = z.object({ id: z.uuid() });
const notices = { shared: "Saved. The note’s sharing has changed." };

/** A client's notes: write, choose who reads, take a share back, delete. */
export function registerEntryRoutes(
  app: FastifyInstance,
  { db, site, keys, publicUrl, consentDocuments, notifier }: AppContext,
): void {
  /** The practice's policy on secrets between partners, if it has one (shown at a first therapist-only share). */
  const secretsPolicy = consentDocuments.find((document) => document.id === "secrets-between-partners");
  const key = keys.current;
  const timeZone = site.practice.timeZone;

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: {
      values?: { body?: string; sharing?: string };
      errors?: Record<string, string>;
      problem?: string;
    } = {},
    reminder?: SecretsReminder,
  ) => {
    const client = clientOf(request);
    return sendPrivate(
      reply,
      renderPage(
        <EntriesPage
          site={site}
          own={await ownEntries(db, keys, client.id)}
          fromPartner={await entriesSharedByPartner(db, keys, client)}
          scope={await scopeOf(request)}
          timeZone={timeZone}
          form={{ token: formTokenFor(request, key, "entries", "session"), ...form }}
          reminder={reminder}
          crisis={request.crisisWords}
        />,
      ),
      status,
    );
  };

  /** The entry, when this person may do `action` to it; otherwise the same 404 as for no entry at all. */
  const entryFor = async (request: FastifyRequest, action: Action) => {
    const params = entryParams.safeParse(request.params);
    if (!params.success) return undefined;
    const found = await entryWithOwner(db, keys, params.data.id);
    return found && allow(requestActor(request), action, found.resource) ? found.entry : undefined;
  };

  const scopeOf = async (request: FastifyRequest): Promise<SharingScope> => {
    const coupleId = request.client?.coupleId ?? null;
    return { inCouple: coupleId !== null, jointWorkOpen: await jointWorkIsOpen(db, coupleId) };
  };

  /** The choice posted, if it is one this client could have: a partner only for someone in a couple. */
  const chosenSharing = (request: FastifyRequest): Sharing | undefined => {
    const value = fieldText(request.body, "sharing");
    const scope = { inCouple: request.client?.coupleId != null, jointWorkOpen: true };
    return sharingOptions(scope).find((option) => option.value === value)?.value;
  };

  /** A new share with the partner is the couple's joint work: only once their therapist has opened it. */
  const partnerShareAllowed = async (request: FastifyRequest, from: Sharing, to: Sharing) => {
    const client = request.client;
    if (!client || !includesPartner(to) || includesPartner(from)) return true;
    if (!client.coupleId) return false;
    return allow(requestActor(request), "create", {
      type: "partner-share",
      clientId: client.id,
      therapistId: client.therapistId,
      coupleId: client.coupleId,
      jointWorkOpen: await jointWorkIsOpen(db, client.coupleId),
    });
  };

  /** The therapist learns that something was shared with them (not what), at most once an hour per client. */
  const tellTherapistOfShare = async (request: FastifyRequest, from: Sharing, to: Sharing) => {
    const client = request.client;
    const toTherapist = (s: Sharing) => s === "therapist" || s === "both";
    if (!client || !toTherapist(to) || toTherapist(from)) return;
    const now = new Date();
    await notifier.notify(
      db,
      {
        therapistId: client.therapistId,
        clientId: client.id,
        kind: "shared-with-therapist",
        dedupeKey: hourly(["shared-with-therapist", client.id], now),
      },
      now,
    );
  };

  /**
   * Whether this therapist-only share must first show the secrets policy: undefined when it may go
   * ahead (marking the policy seen), or the reminder to show (with an error if the box was left).
   */
  const reminderBefore = async (
    request: FastifyRequest,
    sharing: Sharing,
  ): Promise<SecretsReminder | undefined> => {
    const client = request.client;
    if (!client || !secretsPolicy || !(await needsSecretsReminder(db, client, sharing))) return undefined;
    if (fieldText(request.body, "policySeen") === "yes") {
      await markSecretsPolicySeen(db, client.id);
      return undefined;
    }
    const shownBefore = fieldText(request.body, "reminderShown") === "yes";
    return {
      title: secretsPolicy.title,
      html: secretsPolicy.html,
      error: shownBefore ? "Please tick the box to show you've read this, then save again." : undefined,
    };
  };

  app.get("/my/entries", { config: { access: "client" } }, (request, reply) => listPage(request, reply, 200));

  app.post(
    "/my/entries",
    { config: { ...authRateLimit, access: "client" } },
    formPost({
      form: { name: "entries", scope: "session", keys: key, publicUrl },
      read: (body) => ({ body: fieldText(body, "body"), sharing: fieldText(body, "sharing") }),
      // Only the shape here: who may read it depends on the couple and on joint work (a query), and a
      // note and its sharing are explained together, so both are checked in one place below.
      schema: z.object({ body: z.string(), sharing: z.string() }),
      rerender: listPage,
      handle: ({ request, reply, values, invalid }) => saveEntry(request, reply, values, invalid),
    }),
  );

  /** The note's use case: checks that need the couple's state, then the note, its notice and any help. */
  const saveEntry = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { body: string; sharing: string },
    invalid: (errors: FieldErrors) => unknown,
  ) => {
    const client = clientOf(request);
    const errors: Record<string, string> = {};
    const body = values.body.trim();
    if (!body) errors.body = "Please write something before saving.";
    if (body.length > maxEntryLength)
      errors.body = `Please keep a note under ${maxEntryLength} characters, or split it in two.`;
    const sharing = chosenSharing(request);
    if (!sharing) errors.sharing = "Please choose who can read it.";
    else if (!(await partnerShareAllowed(request, "nobody", sharing)))
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
          entry={entry}
          scope={await scopeOf(request)}
          timeZone={timeZone}
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
    return entryPage(request, reply, entry, 200, notice.success ? { notice: notices.shared } : {});
  });

  app.post(
    "/my/entries/:id/sharing",
    { config: { ...authRateLimit, access: "client" } },
    async (request, reply) => {
      const entry = await entryFor(request, "update");
      if (!entry) return sendErrorPage(reply, site, 404);
      const sharing = chosenSharing(request);
      if (!formIsGenuine(request, key, "entry", "session", publicUrl) || !sharing)
        return reply.redirect(`/my/entries/${entry.id}`, 303);
      if (!(await partnerShareAllowed(request, entry.sharing, sharing)))
        return entryPage(request, reply, entry, 400, { error: safetyMessages.partnerShareRefused });
      const reminder = entry.sharing === "therapist" ? undefined : await reminderBefore(request, sharing);
      if (reminder) return entryPage(request, reply, entry, reminder.error ? 400 : 200, { reminder });
      await changeSharing(db, entry, sharing);
      await tellTherapistOfShare(request, entry.sharing, sharing);
      return reply.redirect(`/my/entries/${entry.id}?notice=shared`, 303);
    },
  );

  app.post(
    "/my/entries/:id/delete",
    { config: { ...authRateLimit, access: "client" } },
    async (request, reply) => {
      const entry = await entryFor(request, "delete");
      if (!entry) return sendErrorPage(reply, site, 404);
      if (!formIsGenuine(request, key, "entry", "session", publicUrl))
        return reply.redirect(`/my/entries/${entry.id}`, 303);
      await deleteEntry(db, entry.id);
      return reply.redirect("/my/entries", 303);
    },
  );
}
