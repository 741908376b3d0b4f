import { dates } from "../../../platform/web/date-time-formats.ts";
import { repairTherapistMessages } from "../../repair/messages.ts";
import type { TimelineEvent } from "./build-timeline.ts";
import { timelineMessages as m } from "./messages.ts";

const when = dates.mediumMoment;

function describe(event: TimelineEvent): { text: string; link?: { href: string; label: string } } {
  const record = event.recordId ? `/practice/clients/${event.recordId}` : undefined;
  switch (event.kind) {
    case "invited":
      return { text: m.invited };
    case "accepted":
      return { text: m.accepted };
    case "measure-assigned":
      return { text: m.measureAssigned(event.title) };
    case "measure-answered":
      return {
        text: m.measureAnswered(event.title, event.score),
        ...(record ? { link: { href: `${record}#measures`, label: m.seeCharts } } : {}),
      };
    case "shared":
      return {
        text: m.shared(event.entryKind),
        ...(record ? { link: { href: `${record}#shared`, label: m.readShared } } : {}),
      };
    case "flag":
      return { text: m.flag(event.flag) };
    case "session":
      return { text: m.session(event.status) };
    case "mark":
      return { text: m.mark(repairTherapistMessages.steps[event.step] ?? String(event.step)) };
    case "closed":
      return { text: m.closed };
    case "consultation":
      return { text: m.consultation(event.consultationKind) };
  }
}

/** The story, newest first: each event's date in the therapist's zone, who, what, and where to read more. */
export function TimelineSection(props: {
  events: TimelineEvent[];
  timeZone: string;
  couple: boolean;
  repairHref?: string;
}) {
  const { events, timeZone } = props;
  return (
    <section class="stack" aria-labelledby="timeline">
      <h2 id="timeline">{m.heading}</h2>
      <p class="muted">{props.couple ? m.coupleIntro : m.intro}</p>
      {events.length === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <ol class="client-list">
          {events.map((event, index) => {
            const { text, link } = describe(event);
            const repair =
              event.kind === "mark" && props.repairHref
                ? { href: props.repairHref, label: m.openRepair }
                : undefined;
            const more = link ?? repair;
            return (
              <li class="card" key={`${event.kind}-${index}`}>
                <p class="muted">
                  <time datetime={event.at.toISOString()}>{when(event.at, timeZone)}</time>
                  {m.separator}
                  {event.who ?? m.together}
                </p>
                <p>{text}</p>
                {more && (
                  <p>
                    <a href={more.href}>{more.label}</a>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
