import { formatMoment } from "../../../platform/web/format-date.ts";
import type { MeasuresDue } from "../../assessments/measures/measures-due.ts";
import { glanceMessages as m } from "./messages.ts";

export type MeasuresDueLine = MeasuresDue & { name: string };

/** Questionnaires asked for and not yet answered, the overdue ones first. */
export function MeasuresDueSection(props: { items: MeasuresDueLine[]; timeZone: string }) {
  if (props.items.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="measures-due">
      <h2 id="measures-due">{m.measuresHeading}</h2>
      <ul class="glance-list">
        {props.items.map((item) => {
          const when = formatMoment(item.oldestAskedAt, props.timeZone);
          return (
            <li key={item.clientId}>
              <a href={`/practice/clients/${item.clientId}#measures-heading`}>
                {m.measuresWaiting(item.name, item.waiting)}
              </a>{" "}
              <span class={item.overdue ? "" : "muted"}>
                — {item.overdue ? m.overdue(when) : m.due(when)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
