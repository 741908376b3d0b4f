import { DateField } from "../../platform/web/date-field.tsx";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import type { FieldErrors } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { fullMoment } from "../booking/messages.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { sessionPageWords as w } from "./messages.ts";
import type { ScheduleValues } from "./schedule.form.ts";

export type SessionRow = { id: string; start: number; end: number; together: boolean };
export type SessionsForm = {
  token: string;
  values?: Partial<ScheduleValues>;
  errors?: FieldErrors;
  problem?: string | undefined;
};

function ForWhom(props: {
  name: string;
  inCouple: boolean;
  value: string | undefined;
  error: string | undefined;
}) {
  const { name, inCouple, value, error } = props;
  if (!inCouple) return <input type="hidden" name="forWhom" value="alone" />;
  return (
    <fieldset aria-describedby={error ? "forWhom-error" : "forWhom-hint"}>
      <legend>{w.forWhom}</legend>
      <p class="field-hint" id="forWhom-hint">
        {w.aloneHint}
      </p>
      {error && (
        <p class="field-error" id="forWhom-error">
          {error}
        </p>
      )}
      {(["couple", "alone"] as const).map((choice) => (
        <div class="choice" key={choice}>
          <input
            type="radio"
            id={`forWhom-${choice}`}
            name="forWhom"
            value={choice}
            checked={value === choice}
          />
          <label for={`forWhom-${choice}`}>{choice === "couple" ? w.forCouple : w.forAlone(name)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The sessions with one client (and their couple's joint ones), and the form to book more. */
export function SessionsPage(props: {
  site: SiteContext;
  clientId: string;
  name: string;
  inCouple: boolean;
  zone: string;
  sessions: SessionRow[];
  form: SessionsForm;
  /** The token of the cancel buttons. */
  cancelToken: string;
  notice?: string | undefined;
}) {
  const { site, clientId, name, inCouple, zone, sessions, form, notice } = props;
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <Layout site={site} meta={{ title: `${w.title}: ${name}`, description: w.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${clientId}`}>{w.back}</a>
        </p>
        <h1>{`${w.title}: ${name}`}</h1>
        <p>{w.intro(zone.replace(/_/g, " "))}</p>
        <p class="muted">{w.notRecord}</p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <section class="stack" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">{w.upcomingHeading}</h2>
          {sessions.length === 0 ? (
            <p>{w.none}</p>
          ) : (
            <ul class="client-list">
              {sessions.map((s) => (
                <li class="card stack" key={s.id}>
                  <h3>{fullMoment(s.start, zone)}</h3>
                  <p>{s.together ? w.together : w.alone}</p>
                  <p>
                    <a href={`/practice/sessions/${s.id}/move`}>{w.moveLink}</a>
                  </p>
                  <form class="inline-form" method="post" action={`/practice/sessions/${s.id}/cancel`}>
                    <FormToken token={props.cancelToken} />
                    <button class="button button--quiet" type="submit">
                      {w.cancelButton}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="stack" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">{w.scheduleHeading}</h2>
          <FormProblem message={form.problem} />
          <form
            class="form"
            method="post"
            action={`/practice/clients/${clientId}/sessions`}
            data-busy="Booking…"
            novalidate
          >
            <FormToken token={form.token} />
            <ForWhom name={name} inCouple={inCouple} value={v.forWhom} error={e.forWhom} />
            <DateField
              name="date"
              label={w.date}
              format={dateInputFormat(site.practice)}
              value={v.date}
              error={e.date}
            />
            <TextField name="time" label={w.time} hint={w.timeHint} value={v.time} error={e.time} />
            <TextField
              name="duration"
              label={w.duration}
              inputmode="numeric"
              value={v.duration ?? "50"}
              error={e.duration}
            />
            <TextField
              name="weeks"
              label={w.weeks}
              hint={w.weeksHint}
              inputmode="numeric"
              value={v.weeks ?? "1"}
              error={e.weeks}
            />
            <p>
              <button class="button" type="submit">
                {w.button}
              </button>
            </p>
          </form>
        </section>
      </div>
    </Layout>
  );
}

/** Moving one session: a new date and time, checked by the same rules as booking. */
export function MoveSessionPage(props: {
  site: SiteContext;
  session: SessionRow & { clientId: string };
  zone: string;
  form: {
    token: string;
    values?: Partial<{ date: string; time: string }>;
    errors?: FieldErrors;
    problem?: string | undefined;
  };
}) {
  const { site, session, zone, form } = props;
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <Layout site={site} meta={{ title: w.moveTitle, description: w.moveTitle, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={`/practice/clients/${session.clientId}/sessions`}>{w.moveBack}</a>
        </p>
        <h1>{w.moveTitle}</h1>
        <p>{fullMoment(session.start, zone)}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={`/practice/sessions/${session.id}/move`} novalidate>
          <FormToken token={form.token} />
          <DateField
            name="date"
            label={w.date}
            format={dateInputFormat(site.practice)}
            value={v.date}
            error={e.date}
          />
          <TextField name="time" label={w.time} hint={w.timeHint} value={v.time} error={e.time} />
          <p>
            <button class="button" type="submit">
              {w.moveButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
