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
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { bookUrl, type Kind, kindWords } from "./times-page.tsx";

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
      meta={{ title: "Your details", description: "Book a free consultation.", noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href={bookUrl(frame.base, { kind, zone, with: withWhom })}>← Choose another time</a>
        </p>
        <h1>Your details</h1>
        <FormProblem message={form.problem} />
        <div id="crisis-panel" class="crisis-panel" role="status" hidden={!crisis}>
          <p>
            <strong>
              If you are in danger or thinking of ending your life, please don't wait for a consultation.
            </strong>{" "}
            Nobody reads this form live.{" "}
            <LeaveLink frame={frame} href="/help-now">
              Find help now
            </LeaveLink>
            .
          </p>
        </div>
        <form
          class="form"
          method="post"
          action={frame.base}
          data-busy="Booking…"
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
              legend="Choose one of the nearest free times"
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
                Free consultation, 20 minutes · {kindWords[kind]}
              </p>
            </>
          )}
          <TextField name="name" label="Your name" value={v.name} error={e.name} autocomplete="name" />
          <TextField
            name="email"
            type="email"
            label="Your email address"
            value={v.email}
            error={e.email}
            autocomplete="email"
          />
          <TextField
            name="phone"
            label="Phone number (optional unless we call or text you)"
            value={v.phone}
            error={e.phone}
            autocomplete="tel"
          />
          <fieldset aria-describedby={e.contactBy ? "field-contactBy-error" : "contact-hint"}>
            <legend>How can we contact you safely?</legend>
            <p class="field-hint" id="contact-hint">
              If someone else may see your messages or hear your phone, tell us here. We will only use what
              you tick.
            </p>
            {e.contactBy && (
              <p class="field-error" id="field-contactBy-error">
                {e.contactBy}
              </p>
            )}
            {(
              [
                ["email", "By email"],
                ["phone", "By phone call"],
                ["text", "By text message"],
              ] as const
            ).map(([value, label]) => (
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
            legend="May we leave a message or voicemail?"
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No, please don't" },
            ]}
            value={v.leaveMessage}
            error={e.leaveMessage}
          />
          <RadioGroup
            name="meeting"
            legend="How would you like to talk?"
            options={[
              { value: "video", label: "Video call" },
              { value: "phone", label: "Phone call" },
            ]}
            value={v.meeting}
            error={e.meeting}
          />
          <TextAreaField
            name="note"
            label="Anything you'd like us to know beforehand (optional)"
            hint="Only if you want to. Please don't include anything you wouldn't want written down."
            value={v.note}
            error={e.note}
            rows={4}
            maxLength={1000}
          />
          <CheckboxField
            name="noteConsent"
            label="If I wrote a note, I agree that the practice keeps it (encrypted) to prepare for our conversation"
            checked={v.noteConsent ?? false}
            error={e.noteConsent}
          />
          {reflectionWaiting && (
            <p class="card">
              Your self-check reflection will be shared with the therapist with this booking, as you chose.
              Nothing from the safety questions is in it.
            </p>
          )}
          <CheckboxField name="adult" label="I am 18 or over" checked={v.adult ?? false} error={e.adult} />
          <CheckboxField
            name="privacy"
            label="I have read how the practice looks after my information"
            checked={v.privacy ?? false}
            error={e.privacy}
          />
          <p class="muted">
            <LeaveLink frame={frame} href="/privacy">
              How the practice looks after your information
            </LeaveLink>
          </p>
          {/* A field people never see or fill; automated form-fillers do. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="field-website">Leave this empty</label>
            <input id="field-website" name="website" type="text" tabindex={-1} autocomplete="off" />
          </div>
          {approvalRequired && (
            <p>
              The practice confirms each consultation personally. Your time is held for you while they decide,
              and the next page, and an email if you chose email, tell you the answer.
            </p>
          )}
          <p>
            <button class="button" type="submit">
              {approvalRequired ? "Request this time" : "Book the consultation"}
            </button>
          </p>
        </form>
      </div>
    </BookingLayout>
  );
}
