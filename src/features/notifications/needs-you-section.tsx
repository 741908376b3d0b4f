import { FormToken, RadioGroup } from "../../platform/web/form-fields.tsx";
import { formatMoment } from "../../platform/web/format-date.ts";
import { notificationMessages as m } from "./messages.ts";
import type { NeedsYouItem } from "./needs-you.ts";
import type { NotificationKind } from "./notification.schema.ts";

/** The forms of "Needs you" (marking seen, the email choice) share one token per session. */
export const needsYouFormName = "needs-you";

const when = formatMoment;

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

function linkFor(item: NeedsYouItem): string | undefined {
  // A visitor's consultation (a request, or a note with crisis words) is acted on from the list.
  if (item.bookingId !== null) return "/practice/consultations";
  return item.clientId ? `/practice/clients/${item.clientId}${anchors[item.kind]}` : undefined;
}

function whoOf(item: NeedsYouItem): string {
  if (item.clientName) return item.clientName;
  // A visitor's consultation names no client; an erased client's link to their notices is cleared.
  return item.bookingId !== null ? m.aVisitor : m.formerClient;
}

const sentence = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** "Needs you" on the practice home: who and what kind, never the content; each kept until marked seen. */
export function NeedsYouSection(props: {
  items: NeedsYouItem[];
  timeZone: string;
  token: string;
  notifyByEmail: boolean;
}) {
  const { items, timeZone, token, notifyByEmail } = props;
  return (
    <section class="card stack needs-you" aria-labelledby="needs-you">
      <h2 id="needs-you">{m.heading}</h2>
      {items.length === 0 ? (
        <p class="muted">{m.nothing}</p>
      ) : (
        <>
          <p class="muted">{m.intro}</p>
          <ul class="needs-you__list">
            {items.map((item) => {
              const words = sentence(m.kind[item.kind](whoOf(item)));
              const href = linkFor(item);
              return (
                <li key={item.id} class={`needs-you__item needs-you__item--${item.kind}`}>
                  <p>
                    {words}.{" "}
                    {href && (
                      <a href={href}>
                        {m.open}
                        <span class="visually-hidden">: {words}</span>
                      </a>
                    )}
                  </p>
                  <p class="muted small">{when(item.createdAt, timeZone)}</p>
                  <form method="post" action={`/practice/notifications/${item.id}/seen`} data-busy="…">
                    <FormToken token={token} />
                    <button class="button button--quiet" type="submit">
                      {m.markSeen}
                      <span class="visually-hidden">: {words}</span>
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <form class="form" method="post" action="/practice/notifications/email" data-busy="Saving…">
        <FormToken token={token} />
        <RadioGroup
          name="email"
          legend={m.emailLegend}
          options={[
            { value: "on", label: m.emailOn },
            { value: "off", label: m.emailOff },
          ]}
          value={notifyByEmail ? "on" : "off"}
        />
        <p class="muted small">{m.emailHint}</p>
        <button class="button button--quiet" type="submit">
          {m.emailSave}
        </button>
      </form>
    </section>
  );
}
