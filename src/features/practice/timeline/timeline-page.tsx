import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { TimelineEvent } from "./build-timeline.ts";
import { timelineMessages as m } from "./messages.ts";
import { TimelineSection } from "./timeline-section.tsx";

/** One client's or one couple's story for their therapist, on a page of its own. */
export function TimelinePage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  couple: boolean;
  events: TimelineEvent[];
  timeZone: string;
}) {
  const { site, clientId, name } = props;
  return (
    <Layout site={site} meta={{ title: m.title(name), description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${clientId}`}>{m.back}</a>
        </p>
        <h1>{m.title(name)}</h1>
        <TimelineSection
          events={props.events}
          timeZone={props.timeZone}
          couple={props.couple}
          {...(props.couple ? { repairHref: `/practice/clients/${clientId}/repair` } : {})}
        />
      </div>
    </Layout>
  );
}
