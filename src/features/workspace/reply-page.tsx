import { FormProblem, FormToken, RadioGroup, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { CoachView } from "../language-coach/coach-check.ts";
import { CoachButton, CoachFindings, coachFormAttributes } from "../language-coach/coach-panel.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel, crisisCheck } from "../safety/crisis-panel.tsx";
import { safetyMessages } from "../safety/messages.ts";
import type { Entry } from "./entries.ts";
import { day } from "./entry-pages.tsx";
import { EntryText } from "./entry-text.tsx";
import { workspaceMessages as m } from "./messages.ts";
import { maxEntryLength } from "./note.form.ts";

export type ReplyForm = {
  token: string;
  values: { body: string; send: string };
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

/** Replying to what the partner shared: written privately, sent when its author chooses. */
export function ReplyPage(props: {
  site: SiteContext;
  original: Entry;
  /** Whether a share with the partner may be made now (joint work open). */
  canSend: boolean;
  form: ReplyForm;
  crisis?: boolean;
  /** The language coach, when the therapist turned it on for this client. */
  coach?: CoachView | undefined;
}) {
  const { site, original, canSend, form, crisis = false, coach } = props;
  const timeZone = site.practice.timeZone;
  const options = [
    { value: "no", label: m.keepPrivate },
    ...(canSend ? [{ value: "yes", label: m.sendNow }] : []),
  ];
  return (
    <Layout site={site} meta={{ title: m.replyTitle, description: m.replyTitle, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <p>
          <a href="/my/entries">{m.backToNotes}</a>
        </p>
        <h1>{m.replyTitle}</h1>
        <CrisisPanel shown={crisis} />
        <section class="card stack" aria-labelledby="their-note">
          <h2 id="their-note">{m.theirNote}</h2>
          <EntryText entry={original} />
          <p class="muted">{m.sharedOn(day(original.sharedWithPartnerAt ?? original.createdAt, timeZone))}</p>
        </section>
        <p>{m.replyIntro}</p>
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action={`/my/entries/${original.id}/reply`}
          novalidate
          {...crisisCheck()}
          {...coachFormAttributes(coach)}
        >
          <FormToken token={form.token} />
          <TextAreaField
            name="body"
            label={m.yourReply}
            value={form.values.body}
            error={form.errors?.body}
            maxLength={maxEntryLength}
          />
          <RadioGroup
            name="send"
            legend={m.replyWhen}
            options={options}
            value={form.values.send || "no"}
            error={form.errors?.send}
          />
          {!canSend && <p class="muted">{safetyMessages.jointWorkClosed}</p>}
          <p>
            <button class="button" type="submit">
              {m.saveReply}
            </button>{" "}
            <CoachButton coach={coach} />
          </p>
        </form>
        <CoachFindings coach={coach} />
      </div>
    </Layout>
  );
}
