import { dates } from "../../platform/web/date-time-formats.ts";
import { formatCalendarDate } from "../../platform/web/format-date.ts";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { InjuryNameFields, type InjuryNameForm } from "./injury-name-form.tsx";
import { repairTherapistMessages as m } from "./messages.ts";
import type { TherapistInjury, TherapistRepair } from "./therapist-repair-view.ts";

/** A moment in the therapist's zone, or a calendar date (a session's) as it is. */
export const day = (date: Date | string, timeZone: string) =>
  typeof date === "string" ? formatCalendarDate(date) : dates.long(date, timeZone);

export function rolesLine(item: TherapistInjury, repair: TherapistRepair): string {
  const who = item.injury.whoWasHurt;
  if (who.kind === "each") return m.eachRole;
  return m.hurtRole(repair.partners.find((p) => p.id === who.clientId)?.name ?? "");
}

/** The couple's repair at a glance: injuries, private suggestions, and naming a new injury. */
export function RepairOverviewPage(props: {
  site: SiteContext;
  recordId: string;
  repair: TherapistRepair;
  form: InjuryNameForm;
  timeZone: string;
}) {
  const { site, recordId, repair, form, timeZone } = props;
  const names = repair.partners.map((p) => p.name).join(" and ");
  const base = `/practice/clients/${recordId}`;
  return (
    <Layout site={site} meta={{ title: m.overviewTitle(names), description: m.heading, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={base}>{m.backToRecord}</a>
        </p>
        <h1>{m.overviewTitle(names)}</h1>
        {!repair.jointWorkOpen && <p class="muted">{m.closedNote}</p>}
        {repair.injuries.length === 0 ? (
          <p class="muted">{m.noInjuries}</p>
        ) : (
          <ul class="client-list">
            {repair.injuries.map((item) => {
              const latest = item.marks[0];
              return (
                <li key={item.injury.id}>
                  <a href={`${base}/injuries/${item.injury.id}`}>{item.injury.name}</a> ·{" "}
                  {m.status[item.injury.status]} · {rolesLine(item, repair)}
                  {latest && (
                    <> · {m.latestMark(m.steps[latest.step] ?? "", day(latest.observedOn, timeZone))}</>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <section class="stack" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading">{m.suggestionsHeading}</h2>
          {repair.suggestions.length === 0 ? (
            <p class="muted">{m.noSuggestions}</p>
          ) : (
            repair.suggestions.map((s) => (
              <div key={s.id} class="card">
                <p class="muted">{m.suggestionFrom(s.from, day(s.createdAt, timeZone))}</p>
                <p class="entry-body">{s.text}</p>
              </div>
            ))
          )}
        </section>
        <section class="stack" aria-labelledby="name-heading">
          <h2 id="name-heading">{m.nameHeading}</h2>
          <InjuryNameFields
            action={`${base}/injuries`}
            partners={repair.partners}
            form={form}
            button={m.nameButton}
          />
        </section>
      </div>
    </Layout>
  );
}
