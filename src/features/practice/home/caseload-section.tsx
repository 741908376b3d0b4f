import type { CaseloadCount } from "../../accounts/clients/list-clients.ts";
import { practiceMessages as m } from "../messages.ts";

/**
 * How many couples and individuals the therapist sees, with the ways to find one or invite someone. The
 * names themselves live on /practice/clients, with search: a day-at-a-glance page on a phone is no place
 * for a caseload of two hundred.
 */
export function CaseloadSection(props: { caseload: CaseloadCount }) {
  const { couples, individuals } = props.caseload;
  return (
    <section class="stack" aria-labelledby="your-clients">
      <h2 id="your-clients">{m.yourClients}</h2>
      <p>{couples + individuals === 0 ? m.noClients : m.caseload(couples, individuals)}</p>
      <p>
        <a class="button" href="/practice/invite">
          {m.inviteClient}
        </a>{" "}
        <a href="/practice/clients">{m.allClients}</a>
      </p>
    </section>
  );
}
