import type { ComponentChildren } from "preact";
import type { ArticleSnapshot } from "../article-history.schema.ts";
import { renderMarkdown } from "../render-markdown.ts";
import { editorMessages as m } from "./messages.ts";

/** The article as the site will show it, from the site's own renderer, drawn by the server. */
export function ArticlePreview({ snapshot, hero }: { snapshot: ArticleSnapshot; hero: ComponentChildren }) {
  const body = renderMarkdown(snapshot.bodyMarkdown);
  return (
    <section class="card stack article-preview" aria-labelledby="preview-heading">
      <p id="preview-heading" class="muted">
        <strong>{m.previewHeading}</strong> — {m.previewNote}
      </p>
      <h2>{snapshot.title}</h2>
      <p class="lead">{snapshot.summary}</p>
      <figure class="article-hero">
        {hero}
        <figcaption>{snapshot.hero.credit}</figcaption>
      </figure>
      <div class="article-body" dangerouslySetInnerHTML={{ __html: body.html }} />
      {snapshot.references.length > 0 && (
        <ol class="references">
          {snapshot.references.map((reference) => (
            <li key={reference.text}>
              {reference.text}{" "}
              {reference.doi && <a href={`https://doi.org/${reference.doi}`}>doi:{reference.doi}</a>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
