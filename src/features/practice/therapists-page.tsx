import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { practiceMessages as m } from "./messages.ts";

import { type CoverForm, TherapistCard, type TherapistListing } from "./therapist-card.tsx";

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
  viewerId: string;
  coverForm?: CoverForm | undefined;
}) {
  const { site, token, therapists, form, notice, demoForcedOn } = props;
  return (
    <Layout
      site={site}
      meta={{ title: m.therapistsTitle, description: m.therapistsDescription, noindex: true }}
    >
      <div class="prose-width section stack">
        <p>
          <a href="/practice">{m.backToPractice}</a>
        </p>
        <h1>{m.therapistsHeading}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <ul class="client-list">
          {therapists.map((t) => (
            <TherapistCard
              key={t.id}
              therapist={t}
              all={therapists}
              viewerId={props.viewerId}
              token={token}
              coverForm={props.coverForm}
            />
          ))}
        </ul>
        <h2>{m.inviteTherapist}</h2>
        <p>{m.inviteTherapistIntro}</p>
        <FormProblem message={form.problem} />
        <form
          class="form"
          method="post"
          action="/practice/therapists/invite"
          data-busy={m.sending}
          novalidate
        >
          <FormToken token={token} />
          <TextField
            name="displayName"
            label={m.theirName}
            value={form.values?.displayName}
            error={form.errors?.displayName}
            autocomplete="off"
          />
          <TextField
            name="email"
            type="email"
            label={m.theirEmail}
            value={form.values?.email}
            error={form.errors?.email}
            autocomplete="off"
          />
          <p>
            <button class="button" type="submit">
              {m.sendInvitation}
            </button>
          </p>
        </form>
        {site.demo && (
          <>
            <h2>{m.demoHeading}</h2>
            <p>{m.demoIntro}</p>
            {demoForcedOn && <p class="form-problem">{m.demoForcedOn}</p>}
            <form method="post" action="/practice/demo/remove" data-busy={m.removing}>
              <FormToken token={token} />
              <button class="button button--quiet" type="submit">
                {m.removeDemo}
              </button>
            </form>
          </>
        )}
      </div>
    </Layout>
  );
}
