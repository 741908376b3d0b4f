import { FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { TimeChoices } from "../time-choices.tsx";
import { manageMessages as m } from "./messages.ts";

/** The visitor chooses another time for their consultation: the free times, a day at a time. */
export function ReschedulePage(props: {
  site: SiteContext;
  token: string;
  zone: string;
  slots: Slot[];
  formToken: string;
  problem?: string | undefined;
}) {
  const { site, token, zone, slots, formToken, problem } = props;
  return (
    <Layout
      site={site}
      meta={{ title: m.chooseAnother, description: m.rescheduleDescription, noindex: true }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <p>
          <a href={`/book/manage/${token}`}>{m.back}</a>
        </p>
        <h1>{m.chooseAnother}</h1>
        <FormProblem message={problem} />
        <p class="muted">{m.shownIn(zone.replace(/_/g, " "))}</p>
        {slots.length === 0 ? (
          <p>{m.noOtherTimes}</p>
        ) : (
          <form class="form" method="post" action={`/book/manage/${token}/reschedule`} data-busy={m.moving}>
            <FormToken token={formToken} />
            <TimeChoices slots={slots} zone={zone} />
            <p>
              <button class="button" type="submit">
                {m.move}
              </button>
            </p>
          </form>
        )}
      </div>
    </Layout>
  );
}
