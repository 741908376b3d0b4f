import {
  CheckboxField,
  FormProblem,
  FormToken,
  RadioGroup,
  TextAreaField,
  TextField,
} from "../../../platform/web/form-fields.tsx";
import { crisisPhrases } from "../../assessments/self-check/crisis-words.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { fullMoment } from "../messages.ts";
import { bookUrl } from "./book-url.ts";
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { kindWords, detailsMessages as m } from "./messages.ts";
import type { Kind } from "./times-page.tsx";

export type DetailsValues = {
  name?: string;
  email?: string;
  phone?: string;
  contactBy?: string[];
  leaveMessage?: string;
  meeting?: string;
  note?: string;
  noteConsent?: boolean;
  adult?: boolean;
  privacy?: boolean;
};

export type DetailsForm = {
  token: string;
  submissionId: string;
  values?: DetailsValues;
  errors?: Record<string, string>;
  problem?: string | undefined;
};

/**
 * The visitor's details for one chosen time. When the time was just taken, `alternatives` lists the
 * nearest free times as choices, and everything typed is kept.
 */
export function DetailsPage(props: {
  site: SiteContext;
  /** On the site, or framed in the practice's own site (record 041). */
  frame?: BookingFrame;
  kind: Kind;
  zone: string;
  start: number;
  /** In a group practice: the therapist chosen, or "any" for first available. */
  withWhom?: string | undefined;
  alternatives?: Slot[] | undefined;
  /** The visitor chose to share their self-check reflection with this booking. */
  reflectionWaiting: boolean;
  /** What they typed mentions being in danger: help shows at once (the browser does the same as they type). */
  crisis?: boolean;
  /** The therapist approves each booking first: the visitor is asking, not yet booking (record 038). */
  approvalRequired?: boolean;
  form: DetailsForm;
}) {
  const { site, kind, zone, start, withWhom, alternatives, reflectionWaiting, crisis = false, form } = props;
  const approvalRequired = props.approvalRequired ?? false;
  const frame = props.frame ?? siteFrame;
  const v = form.values ?? {};
  const e = form.errors ?? {};
  const contactBy = v.contactBy ?? ["email"];
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath={bookUrl("/book/details", { kind, zone, with: withWhom, start })}
      meta={{ title: m.title, description: m.description, noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href={bookUrl(frame.base, { kind, zone, with: withWhom })}>{m.chooseAnother}</a>
        </p>
        <h1>{m.title}</h1>
        <FormProblem message={form.problem} />
        <div id="crisis-panel" class="crisis-panel" role="status" hidden={!crisis}>
          <p>
            <strong>{m.inDanger}</strong> {m.nobodyReads}{" "}
            <LeaveLink frame={frame} href="/help-now">
              {m.findHelp}
            </LeaveLink>
            .
          </p>
        </div>
        <form
          class="form"
          method="post"
          action={frame.base}
          data-busy={m.booking}
          novalidate
          data-crisis-phrases={JSON.stringify(crisisPhrases)}
          data-crisis-panel="crisis-panel"
        >
          <FormToken token={form.token} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="zone" value={zone} />
          {withWhom && <input type="hidden" name="with" value={withWhom} />}
          <input type="hidden" name="submissionId" value={form.submissionId} />
          {alternatives && alternatives.length > 0 ? (
            <RadioGroup
              name="start"
              legend={m.nearestLegend}
              options={alternatives.map((slot) => ({
                value: String(slot.start),
                label: fullMoment(slot.start, zone),
              }))}
              value={String(alternatives[0]?.start)}
            />
          ) : (
            <>
              <input type="hidden" name="start" value={String(start)} />
              <p class="card">
                <strong>{fullMoment(start, zone)}</strong>
                <br />
                {m.consultation(kindWords[kind])}
              </p>
            </>
          )}
          <TextField name="name" label={m.name} value={v.name} error={e.name} autocomplete="name" />
          <TextField
            name="email"
            type="email"
            label={m.email}
            value={v.email}
            error={e.email}
            autocomplete="email"
          />
          <TextField
            name="phone"
            label={m.phone}
            value={v.phone}
            error={e.phone}
            autocomplete="tel"
            required={false}
          />
          <fieldset aria-describedby={e.contactBy ? "field-contactBy-error" : "contact-hint"}>
            <legend>{m.contactLegend}</legend>
            <p class="field-hint" id="contact-hint">
              {m.contactHint}
            </p>
            {e.contactBy && (
              <p class="field-error" id="field-contactBy-error">
                {e.contactBy}
              </p>
            )}
            {Object.entries(m.channels).map(([value, label]) => (
              <div class="choice" key={value}>
                <input
                  type="checkbox"
                  id={`field-contactBy-${value}`}
                  name="contactBy"
                  value={value}
                  checked={contactBy.includes(value)}
                />
                <label for={`field-contactBy-${value}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <RadioGroup
            name="leaveMessage"
            legend={m.leaveMessageLegend}
            options={[
              { value: "yes", label: m.yes },
              { value: "no", label: m.noPlease },
            ]}
            value={v.leaveMessage}
            error={e.leaveMessage}
          />
          <RadioGroup
            name="meeting"
            legend={m.meetingLegend}
            options={[
              { value: "video", label: m.video },
              { value: "phone", label: m.phoneCall },
            ]}
            value={v.meeting}
            error={e.meeting}
          />
          <TextAreaField
            name="note"
            label={m.note}
            hint={m.noteHint}
            value={v.note}
            error={e.note}
            rows={4}
            maxLength={1000}
          />
          <CheckboxField
            name="noteConsent"
            label={m.noteConsent}
            checked={v.noteConsent ?? false}
            error={e.noteConsent}
          />
          {reflectionWaiting && <p class="card">{m.reflectionShared}</p>}
          <CheckboxField name="adult" label={m.adult} checked={v.adult ?? false} error={e.adult} />
          <CheckboxField name="privacy" label={m.privacy} checked={v.privacy ?? false} error={e.privacy} />
          <p class="muted">
            <LeaveLink frame={frame} href="/privacy">
              {m.privacyLink}
            </LeaveLink>
          </p>
          {/* A field people never see or fill; automated form-fillers do. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="field-website">{m.leaveEmpty}</label>
            <input id="field-website" name="website" type="text" tabindex={-1} autocomplete="off" />
          </div>
          {approvalRequired && <p>{m.confirmsPersonally}</p>}
          <p>
            <button class="button" type="submit">
              {approvalRequired ? m.request : m.book}
            </button>
          </p>
        </form>
      </div>
    </BookingLayout>
  );
}
