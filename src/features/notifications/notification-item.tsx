import { FormToken } from "../../platform/web/form-fields.tsx";
import { formatMoment } from "../../platform/web/format-date.ts";
import { notificationMessages as m } from "./messages.ts";
import type { NotificationKind } from "./notification.schema.ts";

/** What one line of "Needs you" or of the safety alerts shows: who, what kind, when. */
export type NotificationLine = {
  id: string;
  kind: NotificationKind;
  clientId: string | null;
  clientName: string | null;
  bookingId: string | null;
  createdAt: Date;
  /** An away colleague's alert seen as their cover: whose it is (the record stays theirs to open). */
  coveringFor?: { id: string; name: string } | null;
};

/** Where the therapist acts on each kind: the record's part, or the list of consultations. */
const anchors: Record<NotificationKind, string> = {
  "crisis-words": "",
  "positive-screen": "#measures-heading",
  "shared-with-therapist": "#shared",
  "measure-answered": "#measures-heading",
  "request-waiting": "",
  "injury-suggested": "/repair",
  "control-words": "",
  "safety-answer": "#measures-heading",
};

function linkFor(item: NotificationLine): string | undefined {
  // A cover cannot open a colleague's client record: the alert tells them whom to reach.
  if (item.coveringFor) return undefined;
  // A visitor's consultation (a request, or a note with crisis words) is acted on from the list.
  if (item.bookingId !== null) return "/practice/consultations";
  return item.clientId ? `/practice/clients/${item.clientId}${anchors[item.kind]}` : undefined;
}

function whoOf(item: NotificationLine): string {
  if (item.clientName) return item.clientName;
  // A visitor's consultation names no client; an erased client's link to their notices is cleared.
  return item.bookingId !== null ? m.aVisitor : m.formerClient;
}

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** One notification with its "Open" link and its "Mark as seen" form (who saw it is recorded). */
export function NotificationItem(props: { item: NotificationLine; timeZone: string; token: string }) {
  const { item, timeZone, token } = props;
  const words = sentence(m.kind[item.kind](whoOf(item)));
  const href = linkFor(item);
  return (
    <li class={`needs-you__item needs-you__item--${item.kind}`}>
      <p>
        {words}.{" "}
        {href && (
          <a href={href}>
            {m.open}
            <span class="visually-hidden">: {words}</span>
          </a>
        )}
      </p>
      {item.coveringFor && <p class="small">{m.coveringFor(item.coveringFor.name)}</p>}
      <p class="muted small">{formatMoment(item.createdAt, timeZone)}</p>
      <form method="post" action={`/practice/notifications/${item.id}/seen`} data-busy="…">
        <FormToken token={token} />
        <button class="button button--quiet" type="submit">
          {m.markSeen}
          <span class="visually-hidden">: {words}</span>
        </button>
      </form>
    </li>
  );
}
