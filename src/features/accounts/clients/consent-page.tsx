import { CheckboxField, FormProblem, FormToken } from "../../../platform/web/form-fields.tsx";
import { Layout } from "../../../platform/web/layout.tsx";
import { QuickExit } from "../../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { consentMessages as m } from "./client-messages.ts";
import type { ConsentToAccept } from "./consent-documents.ts";

export type ConsentForm = {
  token: string;
  accepted?: string[];
  errors?: Record<string, string> | undefined;
  problem?: string | undefined;
};

/**
 * A signed-in client reads each consent document whose wording changed (or that is new) and accepts it
 * before their space. Each form carries the version shown, so the acceptance recorded is of the words read.
 */
export function ConsentPage(props: { site: SiteContext; waiting: ConsentToAccept[]; form: ConsentForm }) {
  const { site, waiting, form } = props;
  const accepted = form.accepted ?? [];
  return (
    <Layout site={site} meta={{ title: m.title, description: m.title, noindex: true }}>
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} signOut />
        <h1>{m.title}</h1>
        <p>{m.intro(site.practice.name)}</p>
        <FormProblem message={form.problem} />
        <form class="form stack" method="post" action="/my/consent" data-busy="One moment…" novalidate>
          <FormToken token={form.token} />
          {waiting.map(({ document, changed }) => (
            <section class="consent-document stack" key={document.id} aria-labelledby={`doc-${document.id}`}>
              <h2 id={`doc-${document.id}`}>{document.title}</h2>
              <p class="muted">{changed ? m.changed : m.added}</p>
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
          <p>
            <button class="button" type="submit">
              {m.button}
            </button>
          </p>
        </form>
        <p class="muted">
          {m.notSure}
          <a href="/my/data">{m.yourData}</a>.
        </p>
      </div>
    </Layout>
  );
}
