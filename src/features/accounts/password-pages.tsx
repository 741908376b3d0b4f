import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { accountMessages as m } from "./messages.ts";

type Form = { token: string; email?: string; error?: string | undefined; problem?: string | undefined };

export function ForgottenPasswordPage({ site, form }: { site: SiteContext; form: Form }) {
  return (
    <Layout
      site={site}
      meta={{
        title: "Forgotten your password?",
        description: "Reset a therapist's password.",
        noindex: true,
      }}
    >
      <div class="prose-width section stack">
        <h1>Forgotten your password?</h1>
        <p>
          For the practice's therapists. Enter your email address and we'll send a link to choose a new
          password. Signing in will still ask for the code from your authenticator app.
        </p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/password-reset" data-busy="Sending…" novalidate>
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
              Email me a link
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
  const title = joining ? "Join the practice" : "Choose a new password";
  return (
    <Layout site={site} meta={{ title, description: title, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{title}</h1>
        <p>
          {joining
            ? "Choose a password for your account. Next, you'll sign in and set up a second step with an authenticator app."
            : "Choose a new password. Every device signed in to your account will be signed out."}
        </p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={action} data-busy="Saving…" novalidate>
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
              Save the password
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
