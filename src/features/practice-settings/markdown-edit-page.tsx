import { FormProblem, FormToken, TextAreaField } from "../../platform/web/form-fields.tsx";
import type { FormState } from "../../platform/web/form-post.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { settingsMessages } from "./messages.ts";
import { pageEditMessages as m } from "./page-messages.ts";
import { pageTextLimit } from "./practice-settings.types.ts";
import type { SiteContext } from "./site-context.ts";

/** The settings version the text was read at (a save from an older one is refused), and the text. */
export type MarkdownValues = { version: string; text: string };

/**
 * The owner edits one text of the practice's in Markdown — a page, or a consent document — with a preview
 * rendered on the server by the public site's renderer. What differs between the texts is words and
 * addresses; what a save means is said in `beforeSave`.
 */
export function MarkdownEditPage(props: {
  site: SiteContext;
  token: string;
  form: FormState<MarkdownValues>;
  heading: string;
  intro: string;
  /** Where the text is listed in the settings, e.g. "/practice/settings#pages". */
  backHref: string;
  /** Where the form posts. */
  action: string;
  words: { text: string; save: string; beforeSave?: string };
  /** The Markdown just previewed, as HTML. */
  previewHtml?: string | undefined;
  notice?: string | undefined;
}) {
  const { site, token, form, heading, intro, words, previewHtml, notice } = props;
  return (
    <Layout site={site} meta={{ title: heading, description: intro, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href={props.backHref}>{settingsMessages.title}</a>
        </p>
        <h1>{heading}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        <p>{intro}</p>
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={props.action} novalidate>
          <FormToken token={token} />
          <input type="hidden" name="version" value={form.values.version} />
          <TextAreaField
            name="text"
            label={words.text}
            value={form.values.text}
            error={form.errors?.text}
            rows={20}
            maxLength={pageTextLimit}
          />
          {words.beforeSave && <p class="muted">{words.beforeSave}</p>}
          <p>
            <button class="button button--quiet" type="submit" name="intent" value="preview">
              {m.preview}
            </button>
            <button class="button" type="submit" name="intent" value="save">
              {words.save}
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
