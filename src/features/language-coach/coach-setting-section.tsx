import { FormToken } from "../../platform/web/form-fields.tsx";
import { coachMessages as m } from "./messages.ts";

export const coachSettingFormName = "language-coach";

export type CoachSettingView = { clientId: string; on: boolean; token: string };

/** On the client record: whether the language coach is on for this client, and one button to change it. */
export function CoachSettingSection({ view }: { view: CoachSettingView }) {
  return (
    <section class="card stack" id="language-coach" aria-labelledby="language-coach-heading">
      <h2 id="language-coach-heading">{m.settingHeading}</h2>
      <p>{view.on ? m.settingOn : m.settingOff}</p>
      <form method="post" action={`/practice/clients/${view.clientId}/language-coach`} data-busy={m.saving}>
        <FormToken token={view.token} />
        <input type="hidden" name="on" value={view.on ? "no" : "yes"} />
        <button class={view.on ? "button button--quiet" : "button"} type="submit">
          {view.on ? m.turnOff : m.turnOn}
        </button>
      </form>
    </section>
  );
}
