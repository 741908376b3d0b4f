import { formatMoment } from "../../../platform/web/format-date.ts";
import type { StaleInvitation } from "../../accounts/clients/stale-invitations.ts";
import { glanceMessages as m } from "./messages.ts";

/** Clients invited more than seven days ago who have not accepted. */
export function StaleInvitationsSection(props: { items: StaleInvitation[]; timeZone: string }) {
  if (props.items.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="stale-invitations">
      <h2 id="stale-invitations">{m.invitationsHeading}</h2>
      <p class="muted">{m.invitationsIntro}</p>
      <ul class="glance-list">
        {props.items.map((item) => (
          <li key={item.clientId}>
            <a href={`/practice/clients/${item.clientId}`}>
              {m.invitedOn(item.name, formatMoment(item.invitedAt, props.timeZone))}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
