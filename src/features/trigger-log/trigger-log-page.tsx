import { FormProblem, FormToken, RadioGroup, TextAreaField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { crisisCheck } from "../safety/crisis-panel.tsx";
import { ClientPageTop } from "../workspace/client-page-top.tsx";
import type { Entry } from "../workspace/entries.ts";
import { day } from "../workspace/entry-pages.tsx";
import type { SharingScope } from "../workspace/entry-sharing.ts";
import { type SecretsReminder, SharingFields } from "../workspace/sharing-fields.tsx";
import { triggerMessages as m } from "./messages.ts";
import { type TriggerValues, triggerFieldLimit } from "./trigger.form.ts";
import { WeeklyChart } from "./weekly-chart.tsx";
import type { WeekSummary } from "./weekly-summary.ts";

export type TriggerForm = {
  token: string;
  values: TriggerValues;
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

const strengths = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));

/** A client's trigger log: a moment written down, the last twelve weeks charted, and the moments. */
export function TriggerLogPage(props: {
  site: SiteContext;
  scope: SharingScope;
  moments: Entry[];
  weeks: WeekSummary[];
  form: TriggerForm;
  reminder?: SecretsReminder | undefined;
  notice?: string | undefined;
  crisis?: boolean;
}) {
  const { site, scope, moments, weeks, form, reminder, notice, crisis = false } = props;
  const timeZone = site.practice.timeZone;
  const text = (name: keyof TriggerValues, label: string, rows = 3) => (
    <TextAreaField
      name={name}
      label={label}
      value={form.values[name]}
      error={form.errors?.[name]}
      rows={rows}
      maxLength={triggerFieldLimit}
    />
  );
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <ClientPageTop
          site={site}
          back={{ href: "/my", label: m.back }}
          title={m.title}
          notice={notice}
          crisis={crisis}
        />
        <p>{m.intro}</p>
        <section class="stack" aria-labelledby="write-heading">
          <h2 id="write-heading">{m.formHeading}</h2>
          <FormProblem message={form.problem} />
          <form
            class="form"
            method="post"
            action="/my/triggers"
            data-busy={m.saving}
            novalidate
            {...crisisCheck()}
          >
            <FormToken token={form.token} />
            {text("happened", m.happenedLabel, 4)}
            <div class="strength-scale">
              <RadioGroup
                name="strength"
                legend={m.strengthLegend}
                options={strengths}
                value={form.values.strength}
                error={form.errors?.strength}
              />
            </div>
            {text("remindedOf", m.remindedLabel)}
            {text("did", m.didLabel)}
            {text("needed", m.neededLabel)}
            <SharingFields
              scope={scope}
              value={form.values.sharing || "nobody"}
              error={form.errors?.sharing}
              reminder={reminder}
            />
            <p>
              <button class="button" type="submit">
                {m.save}
              </button>
            </p>
          </form>
        </section>
        <section class="stack" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{m.chartHeading}</h2>
          <WeeklyChart weeks={weeks} />
        </section>
        <section class="stack" aria-labelledby="moments-heading">
          <h2 id="moments-heading">{m.listHeading}</h2>
          {moments.length === 0 ? (
            <p class="muted">{m.nothingYet}</p>
          ) : (
            <ul class="client-list">
              {moments.map((moment) => (
                <li class="card" key={moment.id}>
                  <p class="entry-body">{moment.trigger?.happened}</p>
                  <p class="muted">
                    {day(moment.createdAt, timeZone)} · {m.strengthShort(moment.trigger?.strength ?? 0)}{" "}
                    <a href={`/my/entries/${moment.id}`}>
                      {m.open}
                      <span class="visually-hidden">{m.openMoment(day(moment.createdAt, timeZone))}</span>
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Layout>
  );
}
