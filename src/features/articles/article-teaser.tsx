import { formatCalendarDate } from "../../platform/web/format-date.ts";
import type { ArticleSummary } from "./article-queries.ts";

export function ArticleTeaser({
  article,
  headingLevel = 2,
}: {
  article: ArticleSummary;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class="card article-teaser">
      <Heading>
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </Heading>
      <p>{article.summary}</p>
      <p class="article-meta">
        <time dateTime={article.publishedOn}>{formatCalendarDate(article.publishedOn)}</time>
      </p>
    </article>
  );
}
