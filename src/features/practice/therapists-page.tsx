import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";

export type TherapistListing = { id: string; name: string; email: string; state: string };

type InviteForm = {
  values?: { displayName?: string; email?: string };
  errors?: Partial<Record<"displayName" | "email", string>>;
  problem?: string | undefined;
};

export function TherapistsPage(props: {
  site: SiteContext;
  token: string;
  therapists: TherapistListing[];
  form: InviteForm;
  notice?: string | undefined;
  demoForcedOn: boolean;
}) {
  const { site, token, therapists, form, notice, demoForcedOn } = props;
  return (
    <Layout
      site={site}
      meta={{ title: "Therapists", description: "The practice's therapists.", noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href="/practice">← Your practice</a>
        </p>
        <h1>The practice's therapists</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <ul class="client-list">
          {therapists.map((t) => (
            <li class="card" key={t.id}>
              {t.name}{" "}
              <span class="muted">
                — {t.email}, {t.state}
              </span>
            </li>
          ))}
        </ul>
        <h2>Invite a therapist</h2>
        <p>
          They get an email with a link to choose a password, valid for 7 days. Each therapist sees only their
          own clients.
        </p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/practice/therapists/invite" data-busy="Sending…" novalidate>
          <FormToken token={token} />
          <TextField
            name="displayName"
            label="Their name, as clients will see it"
            value={form.values?.displayName}
            error={form.errors?.displayName}
            autocomplete="off"
          />
          <TextField
            name="email"
            type="email"
            label="Their email address"
            value={form.values?.email}
            error={form.errors?.email}
            autocomplete="off"
          />
          <p>
            <button class="button" type="submit">
              Send the invitation
            </button>
          </p>
        </form>
        {site.demo && (
          <>
            <h2>Demo data</h2>
            <p>
              The demo therapist, their hours and the demo articles show how Haven works. Remove them before
              you welcome real clients. Your own accounts, clients and articles are not touched.
            </p>
            {demoForcedOn && (
              <p class="form-problem">
                This server is started with HAVEN_DEMO=1, so the demo data will come back at the next start
                until that setting is removed.
              </p>
            )}
            <form method="post" action="/practice/demo/remove" data-busy="Removing…">
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                Remove the demo data
              </button>
            </form>
          </>
        )}
      </div>
    </Layout>
  );
}
