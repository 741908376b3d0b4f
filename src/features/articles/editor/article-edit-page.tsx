import type { ComponentChildren } from "preact";
import {
  FormProblem,
  FormToken,
  SelectField,
  TextAreaField,
  TextField,
} from "../../../platform/web/form-fields.tsx";
import type { FormState } from "../../../platform/web/form-post.ts";
import { Layout } from "../../../platform/web/layout.tsx";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { ArticleSnapshot } from "../article-history.schema.ts";
import type { ArticleFormValues } from "./article-form.ts";
import { ArticlePreview } from "./article-preview.tsx";
import { editorMessages as m } from "./messages.ts";

export type RevisionListing = { id: string; when: string; by: string; title: string };

export type ArticleEditProps = {
  site: SiteContext;
  token: string;
  /** Unset for a new article. */
  articleId?: string | undefined;
  statusLine?: string | undefined;
  form: FormState<ArticleFormValues>;
  imageChoices: readonly { value: string; label: string }[];
  preview?: ArticleSnapshot | undefined;
  /** The preview's picture, drawn by the caller (an uploaded one needs its widths). */
  previewHero?: ComponentChildren;
  revisions: RevisionListing[];
  notice?: string | undefined;
};

export function ArticleEditPage(props: ArticleEditProps) {
  const { site, token, articleId, statusLine, form, imageChoices, preview, previewHero, revisions, notice } =
    props;
  const v = form.values;
  const e = form.errors ?? {};
  const action = articleId ? `/practice/articles/${articleId}` : "/practice/articles/new";
  const heading = articleId ? m.editTitle(v.title) : m.newTitle;
  return (
    <Layout site={site} meta={{ title: heading, description: m.listDescription, noindex: true }}>
      <div class="prose-width section stack">
        <p>
          <a href="/practice/articles">{m.backToArticles}</a>
        </p>
        <h1>{heading}</h1>
        {notice && (
          <p class="form-problem" role="status">
            {notice}
          </p>
        )}
        {statusLine && <p>{statusLine}</p>}
        {preview && <ArticlePreview snapshot={preview} hero={previewHero} />}
        <FormProblem message={form.problem} />
        <form class="form" method="post" action={action} data-busy={m.busy} novalidate>
          <FormToken token={token} />
          <TextField name="title" label={m.fields.title} value={v.title} error={e.title} />
          <TextField
            name="slug"
            label={m.fields.slug}
            hint={m.fields.slugHint}
            value={v.slug}
            error={e.slug}
          />
          <TextAreaField
            name="summary"
            label={m.fields.summary}
            hint={m.fields.summaryHint}
            rows={3}
            value={v.summary}
            error={e.summary}
          />
          <TextField name="author" label={m.fields.author} value={v.author} error={e.author} />
          <TextField
            name="tags"
            label={m.fields.tags}
            hint={m.fields.tagsHint}
            value={v.tags}
            error={e.tags}
          />
          <SelectField name="heroSrc" label={m.fields.heroSrc} error={e.heroSrc}>
            {imageChoices.map((choice) => (
              <option key={choice.value} value={choice.value} selected={choice.value === v.heroSrc}>
                {choice.label}
              </option>
            ))}
          </SelectField>
          <TextField
            name="heroAlt"
            label={m.fields.heroAlt}
            hint={m.fields.heroAltHint}
            value={v.heroAlt}
            error={e.heroAlt}
          />
          <TextField
            name="heroCredit"
            label={m.fields.heroCredit}
            value={v.heroCredit}
            error={e.heroCredit}
          />
          <TextAreaField
            name="body"
            label={m.fields.body}
            hint={m.fields.bodyHint}
            rows={20}
            value={v.body}
            error={e.body}
          />
          <TextAreaField
            name="references"
            label={m.fields.references}
            hint={m.fields.referencesHint}
            rows={5}
            value={v.references}
            error={e.references}
          />
          <TextField
            name="publishAt"
            type="datetime-local"
            required={false}
            label={m.fields.publishAt}
            hint={m.fields.publishAtHint(site.practice.timeZone)}
            value={v.publishAt}
            error={e.publishAt}
          />
          <p class="button-row">
            <button class="button button--quiet" type="submit" name="intent" value="preview">
              {m.buttons.preview}
            </button>{" "}
            <button class="button button--quiet" type="submit" name="intent" value="draft">
              {m.buttons.draft}
            </button>{" "}
            <button class="button button--quiet" type="submit" name="intent" value="schedule">
              {m.buttons.schedule}
            </button>{" "}
            <button class="button" type="submit" name="intent" value="publish">
              {m.buttons.publish}
            </button>
          </p>
        </form>
        {articleId && (
          <p>
            <a href={`/practice/articles/${articleId}/download`} download>
              {m.buttons.download}
            </a>
          </p>
        )}
        {articleId && revisions.length > 0 && (
          <section class="stack" aria-labelledby="revisions-heading">
            <h2 id="revisions-heading">{m.revisionsHeading}</h2>
            <p>{m.revisionsIntro}</p>
            <ul class="client-list">
              {revisions.map((r) => (
                <li class="card" key={r.id}>
                  {r.title} <span class="muted">— {m.revisionBy(r.when, r.by)}</span>
                  <form method="post" action={`/practice/articles/${articleId}/revisions/${r.id}/restore`}>
                    <FormToken token={token} />
                    <button class="button button--quiet" type="submit">
                      {m.buttons.restore}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
