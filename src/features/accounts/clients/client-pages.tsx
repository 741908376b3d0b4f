import type { ComponentChildren } from "preact";
import { CheckboxField, FormProblem, FormToken, TextField } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { SignOutForm } from "../sign-out-form.tsx";
import { clientMessages as m } from "./client-messages.ts";
import type { ConsentDocument } from "./consent-documents.ts";
import type { InvitationErrors, InvitationValues } from "./invite-clients.ts";

type Form<V, E> = { token: string; values?: Partial<V>; errors?: E; problem?: string | undefined };

export function InvitePage(props: {
  site: SiteContext;
  form: Form<InvitationValues, InvitationErrors>;
  /** Where the details came from (a consultation), so the therapist checks them before sending. */
  checkNote?: string | undefined;
}) {
  const { site, form, checkNote } = props;
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <Layout site={site} meta={{ title: m.inviteTitle, description: m.inviteIntro, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice">← Your practice</a>
        </p>
        <h1>{m.inviteTitle}</h1>
        <p>{m.inviteIntro}</p>
        {checkNote && <p class="contact-caution">{checkNote}</p>}
        <FormProblem message={form.problem} />
        <form class="form" method="post" action="/practice/invite" data-busy="Sending…" novalidate>
          <FormToken token={form.token} />
          {v.consultation && <input type="hidden" name="consultation" value={v.consultation} />}
          <fieldset aria-describedby={e.kind ? "kind-error" : undefined}>
            <legend>{m.kindLegend}</legend>
            {e.kind && (
              <p class="field-error" id="kind-error">
                {e.kind}
              </p>
            )}
            {(["individual", "couple"] as const).map((kind) => (
              <div class="choice" key={kind}>
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={v.kind === kind} />
                <label for={`kind-${kind}`}>{kind === "individual" ? m.kindIndividual : m.kindCouple}</label>
              </div>
            ))}
          </fieldset>
          {(["first", "second"] as const).map((who, index) => (
            <fieldset key={who}>
              <legend>
                {m.personLegend(index + 1)}
                {who === "second" && " (couples only)"}
              </legend>
              <TextField
                name={`${who}Name`}
                label={m.name}
                value={v[`${who}Name`]}
                error={e[`${who}Name`]}
                autocomplete="off"
              />
              <TextField
                name={`${who}Email`}
                type="email"
                label={m.email}
                value={v[`${who}Email`]}
                error={e[`${who}Email`]}
                autocomplete="off"
              />
            </fieldset>
          ))}
          <p>
            <button class="button" type="submit">
              {m.inviteButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function WelcomePage(props: {
  site: SiteContext;
  action: string;
  documents: ConsentDocument[];
  form: Form<{ accepted: string[]; adult: boolean }, Record<string, string>>;
}) {
  const { site, action, documents, form } = props;
  const accepted = form.values?.accepted ?? [];
  return (
    <Layout site={site} meta={{ title: m.welcomeTitle, description: m.welcomeTitle, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.welcomeTitle}</h1>
        <p>{m.welcomeIntro(site.practice.name)}</p>
        <FormProblem message={form.problem} />
        <form class="form stack" method="post" action={action} data-busy="One moment…" novalidate>
          <FormToken token={form.token} />
          {documents.map((document) => (
            <section class="consent-document stack" key={document.id} aria-labelledby={`doc-${document.id}`}>
              <h2 id={`doc-${document.id}`}>{document.title}</h2>
              <div class="article-body" dangerouslySetInnerHTML={{ __html: document.html }} />
              <input type="hidden" name={`version-${document.id}`} value={document.version} />
              <CheckboxField
                name="accept"
                value={document.id}
                label={m.accept}
                checked={accepted.includes(document.id)}
                error={form.errors?.[`consent-${document.id}`]}
              />
            </section>
          ))}
          <CheckboxField
            name="adult"
            label={m.adult}
            checked={form.values?.adult ?? false}
            error={form.errors?.adult}
          />
          <p>
            <button class="button" type="submit">
              {m.acceptButton}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}

export function SignInLinkPage(props: { site: SiteContext; action: string; token: string }) {
  return (
    <Layout site={props.site} meta={{ title: m.linkTitle, description: m.linkPageIntro, noindex: true }}>
      <div class="prose-width section stack">
        <h1>{m.linkTitle}</h1>
        <p>{m.linkPageIntro}</p>
        <form method="post" action={props.action} data-busy="Signing in…">
          <FormToken token={props.token} />
          <button class="button" type="submit">
            {m.linkButton}
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function ClientSpacePage(props: {
  site: SiteContext;
  name: string;
  token: string;
  inCouple: boolean;
  /** Questionnaires waiting to be answered (a weekly check-in once its day has come). */
  measuresWaiting: number;
  /** The client's upcoming appointments (features/sessions). */
  sessions?: ComponentChildren;
}) {
  const { site, name, token, inCouple, measuresWaiting } = props;
  return (
    <Layout site={site} meta={{ title: m.spaceTitle, description: m.spaceTitle, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <h1>{m.spaceTitle}</h1>
        <p>{m.spaceGreeting(name)}</p>
        <p class="muted">
          {m.nobodyReadsLead}
          <a href="/help-now">{m.findHelpNow}</a>.
        </p>
        {props.sessions}
        <ul>
          <li>
            <a href="/my/entries">{m.yourNotes}</a>
          </li>
          <li>
            <a href="/my/triggers">{m.yourTriggers}</a>
          </li>
          <li>
            <a href="/my/path">{m.yourPath}</a>
          </li>
          {/* The same link for both partners, whether or not their therapist has opened the work yet. */}
          {inCouple && (
            <>
              <li>
                <a href="/my/repair">{m.yourRepair}</a>
              </li>
              <li>
                <a href="/my/cycle">{m.yourCycle}</a>
              </li>
            </>
          )}
          <li>
            <a href="/my/measures">{m.yourMeasures}</a>
            {measuresWaiting > 0 && m.measuresWaiting(measuresWaiting)}
          </li>
          <li>
            <a href="/my/data">{m.yourData}</a>
          </li>
          <li>
            <a href="/account/sign-ins">{m.yourSignIns}</a>
          </li>
          <li>
            <a href="/my/two-step">{m.addSecondStep}</a>
            {m.addSecondStepWhy}
          </li>
        </ul>
        <SignOutForm token={token} />
      </div>
    </Layout>
  );
}
