import type { ClientListing } from "../../accounts/clients/list-clients.ts";
import { glanceMessages as m } from "./messages.ts";

/** Clients whose latest screen for harm came out positive: named here, the answers only in their record. */
export function ScreenFlagsSection(props: { clients: ClientListing[] }) {
  if (props.clients.length === 0) return null;
  return (
    <section class="contact-caution stack" aria-labelledby="screen-flags">
      <h2 id="screen-flags">{m.flagsHeading}</h2>
      <ul>
        {props.clients.map((client) => (
          <li key={client.id}>
            {m.screenNeedsAttention}{" "}
            <a href={`/practice/clients/${client.id}#measures`}>{m.openRecord(client.name)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
