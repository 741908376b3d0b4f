import { formatMoment } from "../web/format-date.ts";
import { mailMessages as m } from "./messages.ts";
import type { UndeliveredEmail } from "./undelivered-emails.ts";

const when = formatMoment;

/** On the practice home: "email could not be sent", with whom it was for (the owner's page only). */
export function UndeliveredEmailsSection(props: { items: UndeliveredEmail[]; timeZone: string }) {
  if (props.items.length === 0) return null;
  return (
    <section class="contact-caution stack" aria-labelledby="undelivered-emails">
      <h2 id="undelivered-emails">{m.undeliveredHeading}</h2>
      <p>{m.undeliveredIntro}</p>
      <ul>
        {props.items.map((item, index) => (
          <li key={index}>{m.undeliveredItem(item.to, item.subject, when(item.failedAt, props.timeZone))}</li>
        ))}
      </ul>
    </section>
  );
}
