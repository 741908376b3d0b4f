import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import type { FormState } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { settingsMessages } from "./messages.ts";
import type { PageValues } from "./page-edit-page.tsx";
import { consentEditMessages as c, pageEditMessages as m } from "./page-messages.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import type { SiteContext } from "./site-context.ts";

/**
 * The owner edits one consent document in Markdown, with a preview rendered on the server. Unlike the
 * practice's pages, a save here asks clients to accept again, so the page says so before the button.
 */
export function ConsentEditPage(props: {
  site: SiteContext;
  token: string;
  document: { id: string; title: string };
  form: FormState<PageValues>;
  previewHtml?: string | undefined;
  notice?: string | undefined;
}) {
  const { site, token, document, form, previewHtml, notice } = props;
  const heading = c.pageHeading(document.title);
  return (
    <Layout site={site} meta={{ title: heading, description: c.pageIntro, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/settings#consent">{settingsMessages.title}</a>
        </p>
        <h1>{heading}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>{c.pageIntro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={`/practice/settings/consent/${document.id}`} novalidate>
          <FormToken token={token} />
          <input type="hidden" name="version" value={form.values.version} />
          <TextAreaField
            name="text"
            label={c.text}
            value={form.values.text}
            error={form.errors?.text}
            rows={20}
            maxLength={pageTextLimit}
          />
          <p class="muted">{c.saveWarning}</p>
          <p>
            <button class="button button--quiet" type="submit" name="intent" value="preview">
              {m.preview}
            </button>
            <button class="button" type="submit" name="intent" value="save">
              {c.save}
            </button>
          </p>
        </form>
        {previewHtml !== undefined && (
          <section class="card stack" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{m.previewHeading}</h2>
            <div class="article-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
          </section>
        )}
      </div>
    </Layout>
  );
}
