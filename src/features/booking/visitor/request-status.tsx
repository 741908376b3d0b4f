import { fullMoment } from "../messages.ts";
import type { BookingStatus } from "../request-expiry.ts";

/**
 * What a visitor reads about a request on their manage page, at each step (record 038). The page is the
 * one place every visitor is told, whatever contact they allowed; email repeats it only where allowed.
 */
export const requestWords = {
  status: {
    requested: "Requested — not yet confirmed.",
    confirmed: undefined,
    declined: "This time could not be offered.",
    expired: "This request lapsed before it could be confirmed.",
    cancelled: "This consultation is cancelled.",
  } satisfies Record<BookingStatus, string | undefined>,
  waiting: (practice: string, deadline: string) =>
    `${practice} will confirm or decline it by ${deadline}. You will see the answer on this page, and by email if you chose email.`,
  ifNoAnswer:
    "If there is no answer by then, the request lapses and the time is let go. You would be welcome to choose another.",
  calendarLater: "Once it is confirmed, you can add it to your calendar from this page.",
  declinedLead: (practice: string) => `${practice} can't offer a consultation at this time. We're sorry.`,
  theirMessage: "Their message",
  expiredLead:
    "We're sorry — the request could not be confirmed in time, so the time was let go. Nothing is booked.",
  bookAnother: "Book another time",
};

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
