import { DateField } from "../../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../../platform/web/date-input.ts";
import { FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import type { OverrideValues } from "./booking-settings.form.ts";
import { settingsPageMessages as m } from "./messages.ts";
import { hoursMessages } from "./parse-hours.ts";

export type UpcomingOverride = { id: string; date: string; hours: string };
export type OverrideForm = {
  values?: OverrideValues;
  errors?: Record<string, string>;
  problem?: string | undefined;
};

/** "Thursday 24 December 2026" for a calendar date, whatever zone the server runs in. */
export function dateWords(date: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Dates that differ from the usual week: those to come, each removable, and a form to add one. */
export function DateOverridesSection(props: {
  token: string;
  overrides: UpcomingOverride[];
  form: OverrideForm;
  dateFormat: DateInputFormat;
}) {
  const { token, overrides, form, dateFormat } = props;
  return (
    <>
      <h2>{m.overridesHeading}</h2>
      <p>{m.overridesIntro}</p>
      <FormProblem message={form.problem} />
      {overrides.length === 0 ? (
        <p class="muted">{m.noOverrides}</p>
      ) : (
        <ul class="client-list">
          {overrides.map((override) => (
            <li class="card override-item" key={override.id}>
              <span>
                {dateWords(override.date)}: {override.hours === "" ? m.dayOff : override.hours}
              </span>
              <form method="post" action="/practice/booking/overrides/remove" data-busy={m.removing}>
                <FormToken token={token} />
                <input type="hidden" name="id" value={override.id} />
                <button class="button button--quiet" type="submit">
                  {m.remove}
                  <span class="visually-hidden"> {dateWords(override.date)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form class="form" method="post" action="/practice/booking/overrides" data-busy={m.saving} novalidate>
        <FormToken token={token} />
        <DateField
          name="overrideDate"
          label={m.dateLabel}
          format={dateFormat}
          value={form.values?.overrideDate}
          error={form.errors?.overrideDate}
        />
        <TextField
          required={false}
          autocomplete="off"
          name="overrideHours"
          label={m.overrideHoursLabel}
          hint={m.overrideHoursHint(hoursMessages.example)}
          value={form.values?.overrideHours}
          error={form.errors?.overrideHours}
        />
        <p>
          <button class="button" type="submit">
            {m.saveDate}
          </button>
        </p>
      </form>
    </>
  );
}
