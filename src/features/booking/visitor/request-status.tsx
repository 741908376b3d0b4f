import { fullMoment } from "../messages.ts";
import type { BookingStatus } from "../request-expiry.ts";
import { requestWords } from "./messages.ts";

/** The status line inside the consultation's card. */
export function StatusLine({ status }: { status: BookingStatus }) {
  const words = requestWords.status[status];
  return words ? (
    <p>
      <strong>{words}</strong>
    </p>
  ) : null;
}

/** A request waiting for the therapist: when the answer comes, and what happens if none does. */
export function RequestWaiting(props: { practice: string; expiresAt: number; zone: string }) {
  const { practice, expiresAt, zone } = props;
  return (
    <div class="stack">
      <p>{requestWords.waiting(practice, fullMoment(expiresAt, zone))}</p>
      <p>{requestWords.ifNoAnswer}</p>
      <p class="muted">{requestWords.calendarLater}</p>
    </div>
  );
}

/** A declined or lapsed request: what happened, the therapist's words if any, and the way to another time. */
export function RequestEnded(props: {
  status: "declined" | "expired";
  practice: string;
  message: string;
  /** Where booking starts: "/book", or "/embed/book" inside an embed. */
  bookPath?: string;
}) {
  const { status, practice, message, bookPath = "/book" } = props;
  return (
    <div class="stack">
      <p>{status === "declined" ? requestWords.declinedLead(practice) : requestWords.expiredLead}</p>
      {status === "declined" && message !== "" && (
        <div class="card stack">
          <h2>{requestWords.theirMessage}</h2>
          <p class="entry-body">{message}</p>
        </div>
      )}
      <p>
        <a href={bookPath}>{requestWords.bookAnother}</a>
      </p>
    </div>
  );
}
