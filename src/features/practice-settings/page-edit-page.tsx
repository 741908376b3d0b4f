import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import type { FormState } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import type { PracticePage } from "./live-practice-pages.ts";
import { settingsMessages } from "./messages.ts";
import { pageEditMessages as m } from "./page-messages.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import type { SiteContext } from "./site-context.ts";

export type PageValues = { version: string; text: string };

/** The owner edits one of the practice's pages in Markdown, with a preview rendered on the server. */
export function PageEditPage(props: {
  site: SiteContext;
  token: string;
  page: PracticePage;
  form: FormState<PageValues>;
  /** The Markdown just previewed, as HTML. */
  previewHtml?: string | undefined;
  notice?: string | undefined;
}) {
  const { site, token, page, form, previewHtml, notice } = props;
  const title = m.titles[page];
  const heading = m.heading(title);
  return (
    <Layout site={site} meta={{ title: heading, description: m.intro, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/settings#pages">{settingsMessages.title}</a>
        </p>
        <h1>{heading}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>{m.intro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={`/practice/settings/pages/${page}`} novalidate>
          <FormToken token={token} />
          <input type="hidden" name="version" value={form.values.version} />
          <TextAreaField
            name="text"
            label={m.text}
            value={form.values.text}
            error={form.errors?.text}
            rows={20}
            maxLength={pageTextLimit}
          />
          <p>
            <button class="button button--quiet" type="submit" name="intent" value="preview">
              {m.preview}
            </button>
            <button class="button" type="submit" name="intent" value="save">
              {m.save}
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
