import { CheckboxField, RadioGroup } from "../../platform/web/form-fields.tsx";
import { safetyMessages } from "../safety/messages.ts";
import type { Sharing } from "./entries.ts";
import { type SharingScope, sharingOptions } from "./entry-sharing.ts";
import { workspaceMessages as m } from "./messages.ts";

/** The policy on secrets between partners, shown inside the form at a first therapist-only share. */
export type SecretsReminder = { title: string; html: string; error?: string | undefined };

function SecretsReminderSection({ reminder }: { reminder: SecretsReminder }) {
  return (
    <section class="consent-document stack" aria-labelledby="secrets-reminder">
      <h2 id="secrets-reminder">{m.reminderHeading(reminder.title.toLowerCase())}</h2>
      <div class="article-body" dangerouslySetInnerHTML={{ __html: reminder.html }} />
      <input type="hidden" name="reminderShown" value="yes" />
      <CheckboxField name="policySeen" label={m.reminderRead} checked={false} error={reminder.error} />
    </section>
  );
}

/**
 * "Who can read it?" wherever a client writes something of their own: the choices their couple and
 * joint work allow, the same sentence for both partners whenever sharing with the partner is closed
 * (whatever the reason), and the secrets policy at a first therapist-only share.
 */
export function SharingFields(props: {
  scope: SharingScope;
  /** What the entry is shared as now; kept as a choice even where it could not be chosen anew. */
  current?: Sharing;
  value: string;
  error?: string | undefined;
  reminder?: SecretsReminder | undefined;
}) {
  const { scope, current, value, error, reminder } = props;
  return (
    <>
      <RadioGroup
        name="sharing"
        legend={m.whoCanRead}
        options={sharingOptions(scope, current)}
        value={value}
        error={error}
      />
      {scope.inCouple && !scope.jointWorkOpen && <p class="muted">{safetyMessages.jointWorkClosed}</p>}
      {reminder && <SecretsReminderSection reminder={reminder} />}
    </>
  );
}
