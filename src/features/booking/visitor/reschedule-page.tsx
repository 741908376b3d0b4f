import { FormProblem, FormToken, RadioGroup } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { fullMoment } from "../messages.ts";
import { TimeChoices } from "../time-choices.tsx";
import { manageMessages as m } from "./messages.ts";

/** The visitor chooses another time for their consultation: the free times, a day at a time. */
export function ReschedulePage(props: {
  site: SiteContext;
  token: string;
  zone: string;
  slots: Slot[];
  /** After a time was just taken: the nearest free ones, offered first with the nearest chosen. */
  nearest?: Slot[];
  formToken: string;
  problem?: string | undefined;
}) {
  const { site, token, zone, slots, formToken, problem } = props;
  const nearest = props.nearest ?? [];
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
        {slots.length + nearest.length === 0 ? (
          <p>{m.noOtherTimes}</p>
        ) : (
          <form class="form" method="post" action={`/book/manage/${token}/reschedule`} data-busy={m.moving}>
            <FormToken token={formToken} />
            {nearest.length > 0 && (
              <>
                <RadioGroup
                  name="start"
                  legend={m.nearestLegend}
                  options={nearest.map((slot) => ({
                    value: String(slot.start),
                    label: fullMoment(slot.start, zone),
                  }))}
                  value={String(nearest[0]?.start)}
                />
                {slots.length > 0 && <h2>{m.otherTimes}</h2>}
              </>
            )}
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
