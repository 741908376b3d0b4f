import { renderSVG } from "uqr";
import { FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { accountMessages as m } from "../messages.ts";

type CodeForm = {
  action: string;
  token: string;
  ticket: string;
  error?: string | undefined;
  problem?: string | undefined;
};

/** The second step of signing in. The ticket says "password accepted" for a few minutes, signed. */
export function SignInCodePage({ site, form }: { site: SiteContext; form: CodeForm }) {
  return (
    <Layout site={site} meta={{ title: m.codeTitle, description: m.codeIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.codeTitle}</h1>
        <p>{m.codeIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={form.action} data-busy="Checking…" novalidate>
          <FormToken token={form.token} />
          <input type="hidden" name="ticket" value={form.ticket} />
          <TextField
            name="code"
            label={m.codeLabel}
            hint={m.codeHint}
            error={form.error}
            autocomplete="one-time-code"
          />
          <p>
            <button class="button" type="submit">
              {m.codeButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

/** The key in groups of four, as authenticator apps show it, so it can be typed without losing one's place. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export function TwoStepSetupPage(props: {
  site: SiteContext;
  action: string;
  intro: string;
  token: string;
  secret: string;
  sealed: string;
  uri: string;
  alreadyOn: boolean;
  error?: string | undefined;
  problem?: string | undefined;
}) {
  const { site, action, intro, token, secret, sealed, uri, alreadyOn, error, problem } = props;
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString("base64")}`;
  return (
    <Layout site={site} meta={{ title: m.twoStepTitle, description: m.twoStepIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.twoStepTitle}</h1>
        <FormProblem message={problem} />
        <p>{alreadyOn ? m.twoStepAlreadyOn : intro}</p>
        <p>{m.twoStepScan}</p>
        <img class="qr-code" src={qr} alt={m.twoStepQrAlt} width={220} height={220} />
        <p>
          {m.twoStepKey}: <code class="secret-key">{grouped(secret)}</code>
        </p>
        <form class="form" method="post" action={action} data-busy="Checking…" novalidate>
          <FormToken token={token} />
          <input type="hidden" name="pending" value={sealed} />
          <TextField
            name="code"
            label={m.twoStepConfirm}
            error={error}
            autocomplete="one-time-code"
            inputmode="numeric"
          />
          <p>
            <button class="button" type="submit">
              {m.twoStepButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function RecoveryCodesPage(props: { site: SiteContext; codes: string[]; continueHref: string }) {
  const { site, codes, continueHref } = props;
  return (
    <Layout site={site} meta={{ title: m.recoveryTitle, description: m.recoveryIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.recoveryTitle}</h1>
        <p>{m.recoveryIntro}</p>
        <ul class="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={continueHref}>
            {m.recoveryDone}
          </a>
        </p>
      </div>
    </Layout>
  );
}
