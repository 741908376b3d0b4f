import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { accountMessages as m } from "./messages.ts";

type Form = { token: string; email?: string; error?: string | undefined; problem?: string | undefined };

export function ForgottenPasswordPage({ site, form }: { site: SiteContext; form: Form }) {
  return (
    <Layout
      site={site}
      meta={{ title: m.forgottenTitle, description: m.forgottenDescription, noindex: true }}
    >
      <div class="prose-width section stack">
        <h1>{m.forgottenTitle}</h1>
        <p>{m.forgottenIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/password-reset" data-busy={m.sending} novalidate>
          <FormToken token={form.token} />
          <TextField
            name="email"
            type="email"
            label={m.email}
            value={form.email}
            error={form.error}
            autocomplete="username"
          />
          <p>
            <button class="button" type="submit">
              {m.emailMeLink}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function ChoosePasswordPage(props: {
  site: SiteContext;
  action: string;
  joining: boolean;
  form: Form;
}) {
  const { site, action, joining, form } = props;
  const title = joining ? m.joinTitle : m.chooseTitle;
  return (
    <Layout site={site} meta={{ title, description: title, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{title}</h1>
        <p>{joining ? m.joinIntro : m.chooseIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={action} data-busy={m.saving} novalidate>
          <FormToken token={form.token} />
          <TextField
            name="password"
            type="password"
            label={m.newPassword}
            error={form.error}
            autocomplete="new-password"
          />
          <p>
            <button class="button" type="submit">
              {m.savePassword}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
