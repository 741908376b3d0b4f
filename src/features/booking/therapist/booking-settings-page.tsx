import {
  CheckboxField,
  FormProblem,
  FormToken,
  TextAreaField,
  TextField,
} from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { isValidTimeZone } from "../compute-slots.ts";
import { answerBeforeStartMinutes, minimumNoticeFor } from "../request-expiry.ts";
import type { settingsMessages } from "./messages.ts";
import { hoursMessages } from "./parse-hours.ts";

export const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The form's text fields, as typed; weekly hours are hours1 (Monday) … hours7 (Sunday), ISO weekdays. */
export const settingsTextFields = [
  "timeZone",
  "durationMinutes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minimumNoticeHours",
  "horizonDays",
  "intervalMinutes",
  "maxPerDay",
  "cancellationCutoffHours",
  "requestExpiryHours",
  "reminderHours",
  "videoLink",
  "phoneArrangement",
  "hours1",
  "hours2",
  "hours3",
  "hours4",
  "hours5",
  "hours6",
  "hours7",
] as const;

export type SettingsValues = Record<(typeof settingsTextFields)[number], string> & {
  acceptsBookings: boolean;
  approvalRequired: boolean;
};
export type OverrideValues = { overrideDate: string; overrideHours: string };
type Errors = Record<string, string>;

export type SettingsNotice = keyof typeof settingsMessages.notices;

export type UpcomingOverride = { id: string; date: string; hours: string };

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

function NumberField(props: {
  name: string;
  label: string;
  hint: string;
  values: SettingsValues;
  errors: Errors;
}) {
  const { name, label, hint, values, errors } = props;
  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={values[name as keyof SettingsValues] as string}
      error={errors[name]}
      inputmode="numeric"
      autocomplete="off"
    />
  );
}

function ZoneField(props: { zones: string[]; value: string; error: string | undefined }) {
  const { zones, value, error } = props;
  // A valid zone the list lacks (an alias such as Asia/Calcutta) is kept; a made-up one is not offered.
  const options = zones.includes(value) || !isValidTimeZone(value) ? zones : [value, ...zones];
  const describedBy = ["field-timeZone-hint", error ? "field-timeZone-error" : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field--error" : "field"}>
      <label for="field-timeZone">Your time zone</label>
      <p class="field-hint" id="field-timeZone-hint">
        Your hours are in this zone, and consultations are shown to you in it. Visitors see times in their own
        zone.
      </p>
      {error && (
        <p class="field-error" id="field-timeZone-error">
          {error}
        </p>
      )}
      <select
        id="field-timeZone"
        name="timeZone"
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {options.map((zone) => (
          <option key={zone} value={zone} selected={zone === value}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Approve first (record 038): whether each booking waits for the therapist, and for how long. */
function ApprovalFields({ values, errors }: { values: SettingsValues; errors: Errors }) {
  return (
    <fieldset aria-describedby="approval-hint">
      <legend>Approve each booking first</legend>
      <p class="field-hint" id="approval-hint">
        When this is on, a booking arrives as a request. It holds its time while you decide, and the visitor
        sees that it is not confirmed yet. You approve or decline it on your consultations page. If you do
        neither in time, the request lapses, the time is freed, and the visitor is told. A request always
        lapses at least {answerBeforeStartMinutes / 60} hours before its start, so visitors can then book no
        sooner than {minimumNoticeFor({ minimumNoticeMinutes: 0, approvalRequired: true }) / 60} hours ahead.
      </p>
      <CheckboxField
        name="approvalRequired"
        label="I approve each booking before it is confirmed"
        checked={values.approvalRequired}
      />
      <NumberField
        name="requestExpiryHours"
        label="Hours you have to answer a request"
        hint="Between 1 and 168 (one week). Requests already made keep the time they were given."
        values={values}
        errors={errors}
      />
    </fieldset>
  );
}

export function BookingSettingsPage(props: {
  site: SiteContext;
  token: string;
  zones: string[];
  settings: { values: SettingsValues; errors?: Errors; problem?: string | undefined };
  overrides: UpcomingOverride[];
  overrideForm: { values?: OverrideValues; errors?: Errors; problem?: string | undefined };
  notice?: string | undefined;
}) {
  const { site, token, zones, settings, overrides, overrideForm, notice } = props;
  const values = settings.values;
  const errors = settings.errors ?? {};
  const number = (name: string, label: string, hint: string) => (
    <NumberField name={name} label={label} hint={hint} values={values} errors={errors} />
  );
  return (
    <Layout
      site={site}
      meta={{ title: "Booking settings", description: "How visitors book a consultation.", noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href="/practice">← Your practice</a>
        </p>
        <h1>Booking settings</h1>
        <p>
          How visitors book a free consultation with you.{" "}
          <a href="/practice/consultations">See the consultations booked with you</a>.
        </p>
        <p>
          Times your own calendar shows as busy are never offered.{" "}
          <a href="/practice/booking/calendars">Connect your calendars</a>.
        </p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <FormProblem message={settings.problem} />
        <form class="form" method="post" action="/practice/booking" data-busy="Saving…" novalidate>
          <FormToken token={token} />
          <CheckboxField
            name="acceptsBookings"
            label="Visitors can book a consultation with me"
            checked={values.acceptsBookings}
          />
          <ZoneField zones={zones} value={values.timeZone} error={errors.timeZone} />
          <fieldset aria-describedby="week-hint">
            <legend>Your usual week</legend>
            <p class="field-hint" id="week-hint">
              The hours you offer consultations, in your time zone. {hoursMessages.example}. Leave a day empty
              for no consultations that day.
            </p>
            {weekdayNames.map((day, index) => (
              <TextField
                required={false}
                autocomplete="off"
                key={day}
                name={`hours${index + 1}`}
                label={day}
                value={values[`hours${index + 1}` as keyof SettingsValues] as string}
                error={errors[`hours${index + 1}`]}
              />
            ))}
          </fieldset>
          {number("durationMinutes", "Length of a consultation, in minutes", "Between 5 and 240.")}
          {number(
            "intervalMinutes",
            "Minutes between start times",
            "For example, 30 offers 9:00, 9:30, 10:00 and so on. Between 5 and 240.",
          )}
          {number(
            "bufferBeforeMinutes",
            "Free time before each consultation, in minutes",
            "Kept clear so consultations are not back to back. Between 0 and 240.",
          )}
          {number(
            "bufferAfterMinutes",
            "Free time after each consultation, in minutes",
            "Between 0 and 240.",
          )}
          {number(
            "minimumNoticeHours",
            "Shortest notice, in hours",
            "How long before a consultation a visitor may book it. Between 0 and 720.",
          )}
          {number("horizonDays", "How far ahead visitors may book, in days", "Between 1 and 365.")}
          <TextField
            required={false}
            autocomplete="off"
            name="maxPerDay"
            label="Most consultations in one day"
            hint="Leave it empty for no limit, or give a number between 1 and 50."
            value={values.maxPerDay}
            error={errors.maxPerDay}
          />
          {number(
            "cancellationCutoffHours",
            "Visitors may change or cancel until this many hours before",
            "After that, they are asked to contact the practice. Between 0 and 336.",
          )}
          {number(
            "reminderHours",
            "Reminder email, in hours before",
            "Sent once, only to visitors who chose email as a safe way to reach them. 0 sends none. Between 0 and 168.",
          )}
          <ApprovalFields values={values} errors={errors} />
          <TextField
            required={false}
            autocomplete="off"
            name="videoLink"
            label="Video link"
            hint="The link visitors use to join a video consultation. It starts with https://."
            value={values.videoLink}
            error={errors.videoLink}
          />
          <TextAreaField
            name="phoneArrangement"
            label="How phone consultations work"
            hint="For example: I will call you on the number you gave."
            value={values.phoneArrangement}
            error={errors.phoneArrangement}
            rows={2}
            maxLength={300}
          />
          <p>
            <button class="button" type="submit">
              Save booking settings
            </button>
          </p>
        </form>

        <h2>Dates that differ from your usual week</h2>
        <p>A day off, a holiday, or different hours on one date. The hours replace that day's usual hours.</p>
        <FormProblem message={overrideForm.problem} />
        {overrides.length === 0 ? (
          <p class="muted">No dates set.</p>
        ) : (
          <ul class="client-list">
            {overrides.map((override) => (
              <li class="card override-item" key={override.id}>
                <span>
                  {dateWords(override.date)}: {override.hours === "" ? "day off" : override.hours}
                </span>
                <form method="post" action="/practice/booking/overrides/remove" data-busy="Removing…">
                  <FormToken token={token} />
                  <input type="hidden" name="id" value={override.id} />
                  <button class="button button--quiet" type="submit">
                    Remove<span class="visually-hidden"> {dateWords(override.date)}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form class="form" method="post" action="/practice/booking/overrides" data-busy="Saving…" novalidate>
          <FormToken token={token} />
          <TextField
            autocomplete="off"
            name="overrideDate"
            type="date"
            required
            label="Date"
            hint="For example 2026-12-24."
            value={overrideForm.values?.overrideDate}
            error={overrideForm.errors?.overrideDate}
          />
          <TextField
            required={false}
            autocomplete="off"
            name="overrideHours"
            label="Hours that day"
            hint={`${hoursMessages.example}. Leave it empty for a day off.`}
            value={overrideForm.values?.overrideHours}
            error={overrideForm.errors?.overrideHours}
          />
          <p>
            <button class="button" type="submit">
              Save this date
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
