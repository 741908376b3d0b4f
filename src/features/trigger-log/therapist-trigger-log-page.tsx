import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import type { Entry } from "../workspace/entries.ts";
import { day } from "../workspace/entry-pages.tsx";
import { EntryText } from "../workspace/entry-text.tsx";
import { triggerTherapistMessages as m, triggerMessages } from "./messages.ts";
import { WeeklyChart } from "./weekly-chart.tsx";
import type { WeekSummary } from "./weekly-summary.ts";

/** A client's trigger log as their therapist sees it: only the moments shared with them, and their weeks. */
export function TherapistTriggerLogPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  moments: Entry[];
  weeks: WeekSummary[];
  timeZone: string;
}) {
  const { site, clientId, name, moments, weeks, timeZone } = props;
  return (
    <Layout site={site} meta={{ title: m.title(name), description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${clientId}`}>{m.back}</a>
        </p>
        <h1>{m.title(name)}</h1>
        <p class="muted">{m.onlyShared}</p>
        <section class="stack" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{triggerMessages.chartHeading}</h2>
          <WeeklyChart weeks={weeks} />
        </section>
        <section class="stack" aria-labelledby="moments-heading">
          <h2 id="moments-heading">{triggerMessages.listHeading}</h2>
          {moments.length === 0 ? (
            <p class="muted">{m.nothingShared}</p>
          ) : (
            <ul class="client-list">
              {moments.map((moment) => (
                <li class="card stack" key={moment.id}>
                  <p class="muted">{day(moment.createdAt, timeZone)}</p>
                  <EntryText entry={moment} />
                  {moment.sharedWithTherapistAt && (
                    <p class="muted">{m.sharedOn(day(moment.sharedWithTherapistAt, timeZone))}</p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  );
}
