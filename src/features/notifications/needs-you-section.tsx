import { FormToken, RadioGroup } from "../../platform/web/form-fields.tsx";
import { notificationMessages as m } from "./messages.ts";
import type { NeedsYouItem } from "./needs-you.ts";
import { NotificationItem } from "./notification-item.tsx";

/** The forms of "Needs you" (marking seen, the email choice) share one token per session. */
export const needsYouFormName = "needs-you";

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
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} timeZone={timeZone} token={token} />
            ))}
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
