import { FormToken } from "../../../platform/web/form-fields.tsx";
import { fullMoment } from "../messages.ts";
import { declineMessageMaxLength } from "./message-limits.ts";
import { answerWords } from "./messages.ts";

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
