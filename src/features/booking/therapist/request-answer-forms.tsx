import { FormToken } from "../../../platform/web/form-fields.tsx";
import { fullMoment } from "../visitor/time-words.ts";

/** The longest message a therapist may send with a decline: a few kind sentences, not a letter. */
export const declineMessageMaxLength = 500;

/** Words for answering requests, in one place so they can be translated later. */
export const answerWords = {
  answerBy: (deadline: string) =>
    `Waiting for your answer by ${deadline}. After that it lapses and the time is freed.`,
  approve: "Approve",
  decline: "Decline",
  messageLabel: "A short message to them (optional)",
  messageHint:
    "Shown on their booking page, and emailed only if they chose email. For example, other days that suit you.",
  messageTooLong: `Please keep the message under ${declineMessageMaxLength} characters.`,
  notices: {
    approved: "Approved. They can see it is confirmed, and have a calendar invitation if they chose email.",
    declined: "Declined, and the time is free again. They can see this on their booking page.",
    expired:
      "That request had already lapsed, so nothing was confirmed. Its time is free and they have been told.",
    "already-answered": "That request had already been answered.",
    withdrawn: "They withdrew that request, so there is nothing to answer.",
  },
};

export type AnswerNotice = keyof typeof answerWords.notices;

/** What was typed in one request's decline form, kept when it is refused. */
export type DeclineForm = { bookingId: string; message: string; error?: string | undefined };

/** Approve and Decline for one pending request: two small POST forms, each with the page's form token. */
export function RequestAnswerForms(props: {
  id: string;
  start: number;
  zone: string;
  expiresAt: number;
  token: string;
  decline: DeclineForm | undefined;
}) {
  const { id, start, zone, expiresAt, token, decline } = props;
  const fieldId = `decline-message-${id}`;
  const error = decline?.error;
  const describedBy = [`${fieldId}-hint`, error ? `${fieldId}-error` : ""].filter(Boolean).join(" ");
  const which = <span class="visually-hidden"> the request for {fullMoment(start, zone)}</span>;
  return (
    <div class="stack">
      <p>
        <strong>{answerWords.answerBy(fullMoment(expiresAt, zone))}</strong>
      </p>
      <form method="post" action={`/practice/consultations/${id}/approve`} data-busy="Approving…">
        <FormToken token={token} />
        <button class="button" type="submit">
          {answerWords.approve}
          {which}
        </button>
      </form>
      <form
        class="form"
        method="post"
        action={`/practice/consultations/${id}/decline`}
        data-busy="Declining…"
      >
        <FormToken token={token} />
        <div class={error ? "field field--error" : "field"}>
          <label for={fieldId}>{answerWords.messageLabel}</label>
          <p class="field-hint" id={`${fieldId}-hint`}>
            {answerWords.messageHint}
          </p>
          {error && (
            <p class="field-error" id={`${fieldId}-error`}>
              {error}
            </p>
          )}
          <textarea
            id={fieldId}
            name="message"
            rows={2}
            maxLength={declineMessageMaxLength}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={describedBy}
          >
            {decline?.message ?? ""}
          </textarea>
        </div>
        <button class="button button--quiet" type="submit">
          {answerWords.decline}
          {which}
        </button>
      </form>
    </div>
  );
}
