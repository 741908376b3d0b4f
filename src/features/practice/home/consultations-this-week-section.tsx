import { clockTime, dayHeading } from "../../booking/messages.ts";
import type { ConsultationAtAGlance } from "../../booking/therapist/consultations-this-week.ts";
import { glanceMessages as m } from "./messages.ts";

function Consultation(props: { item: ConsultationAtAGlance; timeZone: string; withDay: boolean }) {
  const { item, timeZone, withDay } = props;
  const things = [item.shared.note && m.sharedNote, item.shared.selfCheck && m.sharedSelfCheck].filter(
    (thing): thing is string => typeof thing === "string",
  );
  const when = `${withDay ? `${dayHeading(item.start, timeZone)}, ` : ""}${clockTime(item.start, timeZone)}`;
  return (
    <li>
      <p>
        <strong>{when}</strong> — {item.visitorName}, {m.kind[item.kind]}, {m.meeting[item.meeting]} (
        {m[item.status]})
      </p>
      <p class="muted small">{things.length === 0 ? m.sharedNothing : m.shared(things)}</p>
      {item.noMessages && <p class="small contact-caution">{m.noMessages}</p>}
    </li>
  );
}

/** Today's and the rest of the week's consultations, with what each visitor chose to share. */
export function ConsultationsThisWeekSection(props: {
  items: ConsultationAtAGlance[];
  todayEnds: number;
  timeZone: string;
}) {
  const { items, todayEnds, timeZone } = props;
  const today = items.filter((item) => item.start < todayEnds);
  const later = items.filter((item) => item.start >= todayEnds);
  return (
    <section class="card stack" aria-labelledby="consultations-this-week">
      <h2 id="consultations-this-week">{m.consultationsHeading}</h2>
      {items.length === 0 && <p class="muted">{m.noneThisWeek}</p>}
      {today.length > 0 && (
        <>
          <h3>{m.today}</h3>
          <ul class="glance-list">
            {today.map((item) => (
              <Consultation key={item.id} item={item} timeZone={timeZone} withDay={false} />
            ))}
          </ul>
        </>
      )}
      {later.length > 0 && (
        <>
          <h3>{m.laterThisWeek}</h3>
          <ul class="glance-list">
            {later.map((item) => (
              <Consultation key={item.id} item={item} timeZone={timeZone} withDay={true} />
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/practice/consultations">{m.allConsultations}</a>
      </p>
    </section>
  );
}
