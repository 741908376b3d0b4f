import type { ClientListing } from "../../accounts/clients/list-clients.ts";
import { practiceMessages as m } from "../messages.ts";

const statusWords: Record<ClientListing["status"], string> = m.clientStatus;

/** The therapist's clients, partners side by side, with the way to invite someone. */
export function ClientListSection(props: { groups: ClientListing[][] }) {
  const { groups } = props;
  return (
    <section class="stack" aria-labelledby="your-clients">
      <h2 id="your-clients">{m.yourClients}</h2>
      <p>
        <a class="button" href="/practice/invite">
          {m.inviteClient}
        </a>{" "}
        <a href="/practice/clients">{m.allClients}</a>
      </p>
      {groups.length === 0 ? (
        <p>{m.noClients}</p>
      ) : (
        <ul class="client-list">
          {groups.map((group) => (
            <li class="card" key={group[0]?.id}>
              {group.length > 1 && <p class="muted">{m.couple}</p>}
              <ul>
                {group.map((client) => (
                  <li key={client.id}>
                    <a href={`/practice/clients/${client.id}`}>{client.name}</a>{" "}
                    <span class="muted">— {statusWords[client.status]}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
