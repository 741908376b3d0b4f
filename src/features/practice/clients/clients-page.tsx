import { FormToken, SelectField, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { ClientListing } from "../../accounts/clients/list-clients.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { type ClientFilters, kindFilters, statusFilters } from "./client-search.ts";
import { clientListMessages as m } from "./messages.ts";

/** Clients and couples: the therapist's own, found by name (posted, never in the address) and filtered. */
export function ClientsPage(props: {
  site: SiteContext;
  token: string;
  filters: ClientFilters;
  nameError?: string | undefined;
  found: ClientListing[][];
}) {
  const { site, token, filters, found } = props;
  return (
    <Layout site={site} meta={{ title: m.title, description: m.description, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.back}</a>
        </p>
        <h1>{m.title}</h1>
        <p class="muted">{m.intro}</p>
        <form class="form card" method="post" action="/practice/clients" data-busy="…" novalidate>
          <h2>{m.searchHeading}</h2>
          <FormToken token={token} />
          <TextField
            name="name"
            label={m.name}
            hint={m.nameHint}
            value={filters.name}
            error={props.nameError}
            autocomplete="off"
            required={false}
          />
          <SelectField name="status" label={m.status}>
            {statusFilters.map((value) => (
              <option key={value} value={value} selected={filters.status === value}>
                {m.statuses[value]}
              </option>
            ))}
          </SelectField>
          <SelectField name="kind" label={m.kind}>
            {kindFilters.map((value) => (
              <option key={value} value={value} selected={filters.kind === value}>
                {m.kinds[value]}
              </option>
            ))}
          </SelectField>
          <p>
            <button class="button" type="submit">
              {m.show}
            </button>{" "}
            <a href="/practice/clients">{m.clear}</a>
          </p>
        </form>
        <p role="status">{found.length === 0 ? m.noMatch : m.found(found.length)}</p>
        <ul class="client-list">
          {found.map((group) => (
            <li class="card" key={group[0]?.id}>
              <p class="muted">{group.length > 1 ? m.couple : m.individual}</p>
              <ul>
                {group.map((client) => (
                  <li key={client.id}>
                    <a href={`/practice/clients/${client.id}`}>{client.name}</a>{" "}
                    <span class="muted">— {m.statusWords[client.status]}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
