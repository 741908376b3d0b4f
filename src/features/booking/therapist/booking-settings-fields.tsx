import { CheckboxField, SelectField, TextField } from "../../../platform/web/form-fields.tsx";
import { isValidTimeZone } from "../compute-slots.ts";
import { answerBeforeStartMinutes, minimumNoticeFor } from "../request-expiry.ts";
import { hoursFieldOf, isoWeekdays, type SettingsValues } from "./booking-settings.form.ts";
import { settingsPageMessages as m, weekdayNames } from "./messages.ts";
import { hoursMessages } from "./parse-hours.ts";

type Errors = Record<string, string>;
export type NumberName = keyof typeof m.numbers;

/** A whole number, with the label and hint the messages give it. */
export function NumberField(props: { name: NumberName; values: SettingsValues; errors: Errors }) {
  const { name, values, errors } = props;
  const [label, hint] = m.numbers[name];
  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={values[name]}
      error={errors[name]}
      inputmode="numeric"
      autocomplete="off"
    />
  );
}

export function ZoneField(props: { zones: string[]; value: string; error: string | undefined }) {
  const { zones, value, error } = props;
  // A valid zone the list lacks (an alias such as Asia/Calcutta) is kept; a made-up one is not offered.
  const options = zones.includes(value) || !isValidTimeZone(value) ? zones : [value, ...zones];
  return (
    <SelectField name="timeZone" label={m.timeZoneLabel} hint={m.timeZoneHint} error={error}>
      {options.map((zone) => (
        <option key={zone} value={zone} selected={zone === value}>
          {zone.replace(/_/g, " ")}
        </option>
      ))}
    </SelectField>
  );
}

/** The hours of each day of the usual week, Monday first. */
export function UsualWeekFields({ values, errors }: { values: SettingsValues; errors: Errors }) {
  return (
    <fieldset aria-describedby="week-hint">
      <legend>{m.weekLegend}</legend>
      <p class="field-hint" id="week-hint">
        {m.weekHint(hoursMessages.example)}
      </p>
      {isoWeekdays.map((weekday) => (
        <TextField
          required={false}
          autocomplete="off"
          key={weekday}
          name={hoursFieldOf(weekday)}
          label={weekdayNames[weekday - 1] as string}
          value={values[hoursFieldOf(weekday)]}
          error={errors[hoursFieldOf(weekday)]}
        />
      ))}
    </fieldset>
  );
}

/** Approve first (record 038): whether each booking waits for the therapist, and for how long. */
export function ApprovalFields({ values, errors }: { values: SettingsValues; errors: Errors }) {
  const earliest = minimumNoticeFor({ minimumNoticeMinutes: 0, approvalRequired: true }) / 60;
  return (
    <fieldset aria-describedby="approval-hint">
      <legend>{m.approvalLegend}</legend>
      <p class="field-hint" id="approval-hint">
        {m.approvalHint(answerBeforeStartMinutes / 60, earliest)}
      </p>
      <CheckboxField name="approvalRequired" label={m.approvalRequired} checked={values.approvalRequired} />
      <NumberField name="requestExpiryHours" values={values} errors={errors} />
    </fieldset>
  );
}
