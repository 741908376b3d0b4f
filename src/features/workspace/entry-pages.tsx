import {
  CheckboxField,
  FormProblem,
  FormToken,
  RadioGroup,
  TextAreaField,
} from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel, crisisCheck } from "../safety/crisis-panel.tsx";
import { safetyMessages } from "../safety/messages.ts";
import type { Entry, Sharing } from "./entries.ts";

export const maxEntryLength = 5000;

/** Where a client stands for sharing: in a couple or not, and whether their therapist has opened joint work. */
export type SharingScope = { inCouple: boolean; jointWorkOpen: boolean };

export const includesPartner = (sharing: Sharing) => sharing === "partner" || sharing === "both";

/**
 * The sharing choices a client has: a partner only in a couple whose therapist has opened joint work
 * (DOMAIN.md §4). A note already shared with the partner keeps its choice, so saving never withdraws it
 * behind the client's back.
 */
export function sharingOptions(scope: SharingScope, current?: Sharing): { value: Sharing; label: string }[] {
  const all: { value: Sharing; label: string }[] = [
    { value: "nobody", label: "Only me" },
    { value: "partner", label: "Me and my partner" },
    { value: "therapist", label: "Me and my therapist" },
    { value: "both", label: "My partner and my therapist too" },
  ];
  const partnerOpen = scope.inCouple && scope.jointWorkOpen;
  return all.filter((o) => !includesPartner(o.value) || partnerOpen || o.value === current);
}

/** The same sentence for both partners whenever sharing with the partner is closed, whatever the reason. */
function PartnerSharingNote({ scope }: { scope: SharingScope }) {
  return scope.inCouple && !scope.jointWorkOpen ? (
    <p class="muted">{safetyMessages.jointWorkClosed}</p>
  ) : null;
}

const day = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);

const sharingWords: Record<Sharing, string> = {
  nobody: "Only you can see this.",
  partner: "Shared with your partner.",
  therapist: "Shared with your therapist.",
  both: "Shared with your partner and your therapist.",
};

/** The policy on secrets between partners, shown inside the form at a first therapist-only share. */
export type SecretsReminder = { title: string; html: string; error?: string | undefined };

function SecretsReminderSection({ reminder }: { reminder: SecretsReminder }) {
  return (
    <section class="consent-document stack" aria-labelledby="secrets-reminder">
      <h2 id="secrets-reminder">
        Before you share this with your therapist only: {reminder.title.toLowerCase()}
      </h2>
      <div class="article-body" dangerouslySetInnerHTML={{ __html: reminder.html }} />
      <input type="hidden" name="reminderShown" value="yes" />
      <CheckboxField name="policySeen" label="I've read this again" checked={false} error={reminder.error} />
    </section>
  );
}

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
  const { site, own, fromPartner, scope, timeZone, form, reminder, crisis = false } = props;
  const { inCouple } = scope;
  return (
    <Layout site={site} meta={{ title: "Your notes", description: "Your private notes.", noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my">← Your space</a>
        </p>
        <h1>Your notes</h1>
        <p>
          What you write here is private unless you choose to share it. You can change who sees a note, or
          take a share back, at any time.
        </p>
        <CrisisPanel shown={crisis} />
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action="/my/entries"
          data-busy="Saving…"
          novalidate
          {...crisisCheck()}
        >
          <FormToken token={form.token} />
          <TextAreaField
            name="body"
            label="Write a note"
            value={form.values?.body}
            error={form.errors?.body}
            maxLength={maxEntryLength}
          />
          <RadioGroup
            name="sharing"
            legend="Who can read it?"
            options={sharingOptions(scope)}
            value={form.values?.sharing ?? "nobody"}
            error={form.errors?.sharing}
          />
          <PartnerSharingNote scope={scope} />
          {reminder && <SecretsReminderSection reminder={reminder} />}
          <p>
            <button class="button" type="submit">
              Save the note
            </button>
          </p>
        </form>
        <h2>What you wrote</h2>
        {own.length === 0 ? (
          <p class="muted">Nothing yet.</p>
        ) : (
          <ul class="client-list">
            {own.map((entry) => (
              <li class="card" key={entry.id}>
                <p class="entry-body">
                  {entry.body.length > 280 ? `${entry.body.slice(0, 280)}…` : entry.body}
                </p>
                <p class="muted">
                  {day(entry.createdAt, timeZone)} · {sharingWords[entry.sharing]}{" "}
                  <a href={`/my/entries/${entry.id}`}>
                    Open<span class="visually-hidden"> the note from {day(entry.createdAt, timeZone)}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
        {inCouple && (
          <>
            <h2>Shared with you by your partner</h2>
            {fromPartner.length === 0 ? (
              <p class="muted">Nothing has been shared with you.</p>
            ) : (
              <ul class="client-list">
                {fromPartner.map((entry) => (
                  <li class="card" key={entry.id}>
                    <p class="entry-body">{entry.body}</p>
                    <p class="muted">
                      Shared on {day(entry.sharedWithPartnerAt ?? entry.createdAt, timeZone)}
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
    <Layout site={site} meta={{ title: "Your note", description: "Your note.", noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my/entries">← Your notes</a>
        </p>
        <h1>Your note from {day(entry.createdAt, timeZone)}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p class="entry-body">{entry.body}</p>
        <p class="muted">{sharingWords[entry.sharing]}</p>
        <form class="form" method="post" action={`/my/entries/${entry.id}/sharing`} data-busy="Saving…">
          <FormToken token={token} />
          <RadioGroup
            name="sharing"
            legend="Who can read it?"
            options={sharingOptions(scope, entry.sharing)}
            value={reminder ? "therapist" : entry.sharing}
            error={error}
          />
          <PartnerSharingNote scope={scope} />
          {reminder && <SecretsReminderSection reminder={reminder} />}
          <p>
            <button class="button" type="submit">
              Save who can read it
            </button>
          </p>
        </form>
        <form method="post" action={`/my/entries/${entry.id}/delete`} data-busy="Deleting…">
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            Delete this note
          </button>
        </form>
      </div>
    </Layout>
  );
}
