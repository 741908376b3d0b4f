import { dateInputFormat } from "../../../platform/web/date-input.ts";
import {
  CheckboxField,
  FormProblem,
  FormToken,
  TextAreaField,
  TextField,
} from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { SettingsValues } from "./booking-settings.form.ts";
import {
  ApprovalFields,
  NumberField,
  type NumberName,
  UsualWeekFields,
  ZoneField,
} from "./booking-settings-fields.tsx";
import { DateOverridesSection, type OverrideForm, type UpcomingOverride } from "./date-overrides-section.tsx";
import { settingsPageMessages as m, type settingsMessages } from "./messages.ts";

type Errors = Record<string, string>;

export type SettingsNotice = keyof typeof settingsMessages.notices;

export function BookingSettingsPage(props: {
  site: SiteContext;
  token: string;
  zones: string[];
  settings: { values: SettingsValues; errors?: Errors; problem?: string | undefined };
  overrides: UpcomingOverride[];
  overrideForm: OverrideForm;
  notice?: string | undefined;
}) {
  const { site, token, zones, settings, overrides, overrideForm, notice } = props;
  const values = settings.values;
  const errors = settings.errors ?? {};
  const number = (name: NumberName) => <NumberField name={name} values={values} errors={errors} />;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.back}</a>
        </p>
        <h1>{m.title}</h1>
        <p>
          {m.intro} <a href="/practice/consultations">{m.seeConsultations}</a>.
        </p>
        <p>
          {m.busyNeverOffered} <a href="/practice/booking/calendars">{m.connectCalendars}</a>.
        </p>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <FormProblem message={settings.problem} />
        <form class="form" method="post" action="/practice/booking" data-busy={m.saving} novalidate>
          <FormToken token={token} />
          <CheckboxField name="acceptsBookings" label={m.acceptsBookings} checked={values.acceptsBookings} />
          <ZoneField zones={zones} value={values.timeZone} error={errors.timeZone} />
          <UsualWeekFields values={values} errors={errors} />
          {number("durationMinutes")}
          {number("intervalMinutes")}
          {number("bufferBeforeMinutes")}
          {number("bufferAfterMinutes")}
          {number("minimumNoticeHours")}
          {number("horizonDays")}
          <TextField
            required={false}
            autocomplete="off"
            name="maxPerDay"
            label={m.maxPerDayLabel}
            hint={m.maxPerDayHint}
            value={values.maxPerDay}
            error={errors.maxPerDay}
          />
          {number("cancellationCutoffHours")}
          {number("graceMinutes")}
          {number("reminderHours")}
          <ApprovalFields values={values} errors={errors} />
          <TextField
            required={false}
            autocomplete="off"
            name="videoLink"
            label={m.videoLinkLabel}
            hint={m.videoLinkHint}
            value={values.videoLink}
            error={errors.videoLink}
          />
          <TextAreaField
            name="phoneArrangement"
            label={m.phoneLabel}
            hint={m.phoneHint}
            value={values.phoneArrangement}
            error={errors.phoneArrangement}
            rows={2}
            maxLength={300}
          />
          <p>
            <button class="button" type="submit">
              {m.save}
            </button>
          </p>
        </form>
        <DateOverridesSection
          token={token}
          overrides={overrides}
          form={overrideForm}
          dateFormat={dateInputFormat(site.practice)}
        />
      </div>
    </Layout>
  );
}
