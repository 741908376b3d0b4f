import { FormToken, RadioGroup, SelectField } from "../../../platform/web/form-fields.tsx";
import { therapistMeasureMessages as m } from "./messages.ts";

export type ScheduleLine = { id: string; title: string; weekday: number; since: string };

/** Once, or every week on a chosen day: part of the therapist's form that asks for a questionnaire. */
export function HowOften(props: {
  values?: { often?: string; weekday?: string } | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const { values, errors } = props;
  return (
    <>
      <RadioGroup
        name="often"
        legend={m.howOften}
        options={[
          { value: "once", label: m.once },
          { value: "weekly", label: m.weekly },
        ]}
        value={values?.often || "once"}
        error={errors?.often}
      />
      <SelectField name="weekday" label={m.weekdayLabel} error={errors?.weekday}>
        {m.weekdays.map((label, i) => (
          <option key={label} value={String(i + 1)} selected={(values?.weekday || "1") === String(i + 1)}>
            {label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** The questionnaires asked for every week, each with a button that stops it (what was answered stays). */
export function ScheduleList(props: { clientId: string; schedules: ScheduleLine[]; token: string }) {
  const { clientId, schedules, token } = props;
  if (schedules.length === 0) return null;
  return (
    <div class="card stack">
      <h3>{m.scheduledHeading}</h3>
      <ul class="stack">
        {schedules.map((schedule) => (
          <li key={schedule.id}>
            <form method="post" action={`/practice/clients/${clientId}/schedules/${schedule.id}/stop`}>
              <FormToken token={token} />
              {m.scheduledLine(schedule.title, m.weekdays[schedule.weekday - 1] ?? "", schedule.since)}{" "}
              <button class="button button--quiet" type="submit">
                {m.stop}
                <span class="visually-hidden">{m.stopWhat(schedule.title)}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
