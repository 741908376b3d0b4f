import type { SignInListing } from "../../platform/security/sessions/session-store.ts";
import { FormProblem, FormToken, TextField } from "../../platform/web/form-fields.tsx";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { clientMessages as c } from "./clients/client-messages.ts";
import type { FieldErrors } from "./create-therapist.ts";
import { accountMessages as m } from "./messages.ts";
import { SignOutForm } from "./sign-out-form.tsx";

type FormState = {
  token: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  problem?: string;
};

export function SignInPage({
  site,
  form,
  linkToken,
}: {
  site: SiteContext;
  form: FormState;
  linkToken: string;
}) {
  return (
    <Layout site={site} meta={{ title: m.signInTitle, description: m.signInIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.signInTitle}</h1>
        <section class="stack" aria-labelledby="client-sign-in">
          <h2 id="client-sign-in">{m.clientHeading}</h2>
          <p>{c.clientSignInIntro}</p>
          <form class="form" method="post" action="/sign-in/link" data-busy="Sending…" novalidate>
            <FormToken token={linkToken} />
            <TextField
              id="field-client-email"
              name="email"
              type="email"
              label={m.email}
              autocomplete="email"
            />
            <p>
              <button class="button" type="submit">
                {c.sendLink}
              </button>
            </p>
          </form>
        </section>
        <h2>{m.therapistHeading}</h2>
        <p>{m.signInIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/sign-in" data-busy="Signing in…" novalidate>
          <FormToken token={form.token} />
          <TextField
            name="email"
            type="email"
            label={m.email}
            value={form.values?.email}
            error={form.errors?.email}
            autocomplete="username"
          />
          <TextField
            name="password"
            type="password"
            label={m.password}
            error={form.errors?.password}
            autocomplete="current-password"
          />
          <p>
            <button class="button" type="submit">
              {m.signInButton}
            </button>
          </p>
        </form>
        <p>
          <a href="/password-reset">Forgotten your password?</a>
        </p>
      </div>
    </Layout>
  );
}

export function SetupPage({
  site,
  action,
  form,
}: {
  site: SiteContext;
  action: string;
  form: FormState & { errors?: FieldErrors };
}) {
  return (
    <Layout site={site} meta={{ title: m.setupTitle, description: m.setupIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.setupTitle}</h1>
        <p>{m.setupIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={action} data-busy="Creating the account…" novalidate>
          <FormToken token={form.token} />
          <TextField
            name="displayName"
            label={m.name}
            value={form.values?.displayName}
            error={form.errors?.displayName}
            autocomplete="name"
          />
          <TextField
            name="email"
            type="email"
            label={m.email}
            value={form.values?.email}
            error={form.errors?.email}
            autocomplete="username"
          />
          <TextField
            name="password"
            type="password"
            label={m.newPassword}
            error={form.errors?.password}
            autocomplete="new-password"
          />
          <p>
            <button class="button" type="submit">
              {m.createAccount}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function MessagePage({ site, title, message }: { site: SiteContext; title: string; message: string }) {
  return (
    <Layout site={site} meta={{ title, description: message, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{title}</h1>
        <p>{message}</p>
      </div>
    </Layout>
  );
}

/** "22 Nov 2026, 10:04 GMT": the viewer's zone named, as every time Haven shows. */
const when = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);

export function SignInsPage(props: {
  site: SiteContext;
  token: string;
  sessions: SignInListing[];
  timeZone: string;
  notice?: string | undefined;
}) {
  const { site, token, sessions, timeZone, notice } = props;
  return (
    <Layout site={site} meta={{ title: m.signInsTitle, description: m.signInsIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.signInsTitle}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>{m.signInsIntro}</p>
        <ul class="sign-in-list">
          {sessions.map((session) => (
            <li key={session.ref} class="card">
              <h2>{session.current ? `${session.deviceLabel} — ${m.thisDevice}` : session.deviceLabel}</h2>
              <p class="muted">
                {m.lastActive}: {when(session.lastSeenAt, timeZone)}
              </p>
              {!session.current && (
                <form method="post" action="/account/sign-ins/end">
                  <FormToken token={token} />
                  <input type="hidden" name="ref" value={session.ref} />
                  <button class="button button--quiet" type="submit">
                    {m.endThis}
                    <span class="visually-hidden">: {session.deviceLabel}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <form method="post" action="/account/sign-ins/end-all">
          <FormToken token={token} />
          <button class="button button--quiet" type="submit">
            {m.endAll}
          </button>
        </form>
        <SignOutForm token={token} quiet={false} />
      </div>
    </Layout>
  );
}
