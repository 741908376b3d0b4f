import { dates } from "../../platform/web/date-time-formats.ts";
import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel, crisisCheck } from "../safety/crisis-panel.tsx";
import type { Entry, Sharing } from "./entries.ts";
import type { SharingScope } from "./entry-sharing.ts";
import { EntryText } from "./entry-text.tsx";
import { workspaceMessages as m } from "./messages.ts";
import { maxEntryLength } from "./note.form.ts";
import { type SecretsReminder, SharingFields } from "./sharing-fields.tsx";

export const day = dates.long;

const sharingWords: Record<Sharing, string> = m.sharedWith;

type NoteForm = {
  token: string;
  values?: { body?: string; sharing?: string };
  errors?: Record<string, string>;
  problem?: string | undefined;
};

export function EntriesPage(props: {
  site: SiteContext;
  own: Entry[];
  fromPartner: Entry[];
  scope: SharingScope;
  timeZone: string;
  form: NoteForm;
  reminder?: SecretsReminder | undefined;
  /** The note just saved held words that may mean the person is in danger: help first. */
  crisis?: boolean;
}) {
  const { site, own, scope, timeZone, form, reminder, crisis = false } = props;
  // A partner's reply to one of this person's notes is shown under that note, not in the list below.
  const ownIds = new Set(own.map((entry) => entry.id));
  const repliesTo = (id: string) => props.fromPartner.filter((entry) => entry.replyTo === id);
  const fromPartner = props.fromPartner.filter((entry) => !entry.replyTo || !ownIds.has(entry.replyTo));
  const { inCouple } = scope;
  return (
    <Layout site={site} meta={{ title: m.listTitle, description: m.listDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">{m.backToSpace}</a>
        </p>
        <h1>{m.listTitle}</h1>
        <p>{m.listIntro}</p>
        <CrisisPanel shown={crisis} />
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action="/my/entries"
          data-busy={m.saving}
          novalidate
          {...crisisCheck()}
        >
          <FormToken token={form.token} />
          <TextAreaField
            name="body"
            label={m.writeNote}
            value={form.values?.body}
            error={form.errors?.body}
            maxLength={maxEntryLength}
          />
          <SharingFields
            scope={scope}
            value={form.values?.sharing ?? "nobody"}
            error={form.errors?.sharing}
            reminder={reminder}
          />
          <p>
            <button class="button" type="submit">
              {m.saveNote}
            </button>
          </p>
        </form>
        <h2>{m.whatYouWrote}</h2>
        {own.length === 0 ? (
          <p class="muted">{m.nothingYet}</p>
        ) : (
          <ul class="client-list">
            {own.map((entry) => (
              <li class="card" key={entry.id}>
                <EntryText entry={entry} clip={280} />
                <p class="muted">
                  {day(entry.createdAt, timeZone)} · {sharingWords[entry.sharing]}{" "}
                  <a href={`/my/entries/${entry.id}`}>
                    {m.open}
                    <span class="visually-hidden">{m.openNoteFrom(day(entry.createdAt, timeZone))}</span>
                  </a>
                </p>
                {repliesTo(entry.id).map((answer) => (
                  <div class="stack" key={answer.id}>
                    <p class="muted">{m.partnerReplied}</p>
                    <EntryText entry={answer} />
                  </div>
                ))}
              </li>
            ))}
          </ul>
        )}
        {inCouple && (
          <>
            <h2>{m.fromPartnerHeading}</h2>
            {fromPartner.length === 0 ? (
              <p class="muted">{m.nothingFromPartner}</p>
            ) : (
              <ul class="client-list">
                {fromPartner.map((entry) => (
                  <li class="card" key={entry.id}>
                    <EntryText entry={entry} />
                    <p class="muted">
                      {m.sharedOn(day(entry.sharedWithPartnerAt ?? entry.createdAt, timeZone))}{" "}
                      <a href={`/my/entries/${entry.id}/reply`}>
                        {m.reply}
                        <span class="visually-hidden">
                          {m.replyTo(day(entry.sharedWithPartnerAt ?? entry.createdAt, timeZone))}
                        </span>
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Layout>
  );
}

export function EntryPage(props: {
  site: SiteContext;
  entry: Entry;
  scope: SharingScope;
  timeZone: string;
  token: string;
  notice?: string | undefined;
  error?: string | undefined;
  reminder?: SecretsReminder | undefined;
}) {
  const { site, entry, scope, timeZone, token, notice, error, reminder } = props;
  return (
    <Layout site={site} meta={{ title: m.noteTitle, description: m.noteDescription, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          {entry.kind === "trigger" ? (
            <a href="/my/triggers">{m.backToTriggers}</a>
          ) : (
            <a href="/my/entries">{m.backToNotes}</a>
          )}
        </p>
        <h1>{m.noteFrom(day(entry.createdAt, timeZone))}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <EntryText entry={entry} />
        <p class="muted">{sharingWords[entry.sharing]}</p>
        <form class="form" method="post" action={`/my/entries/${entry.id}/sharing`} data-busy={m.saving}>
          <FormToken token={token} />
          <SharingFields
            scope={scope}
            current={entry.sharing}
            value={reminder ? "therapist" : entry.sharing}
            error={error}
            reminder={reminder}
          />
          <p>
            <button class="button" type="submit">
              {m.saveWhoCanRead}
            </button>
          </p>
        </form>
        <form method="post" action={`/my/entries/${entry.id}/delete`} data-busy={m.deleting}>
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            {m.deleteNote}
          </button>
        </form>
      </div>
    </Layout>
  );
}
