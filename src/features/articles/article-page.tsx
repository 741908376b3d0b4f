import { formatCalendarDate } from "../../platform/web/format-date.ts";
import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import type { Article, ArticleSummary } from "./article-queries.ts";
import { ArticleTeaser } from "./article-teaser.tsx";
import { BookingCta } from "./booking-cta.tsx";
import { HeroPicture, heroUrl as heroUrlOf } from "./images/hero-picture.tsx";
import type { UploadedImage } from "./images/image-queries.ts";
import { articleMessages as m, tagLabel } from "./messages.ts";
import { readingMinutes } from "./reading-time.ts";
import { renderMarkdown } from "./render-markdown.ts";

type Props = {
  site: SiteContext;
  article: Article;
  related: ArticleSummary[];
  previous: ArticleSummary | undefined;
  next: ArticleSummary | undefined;
  /** The hero when it is an uploaded picture (with its widths). */
  uploaded?: UploadedImage | undefined;
};

function blogPosting(site: SiteContext, article: Article, heroUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: article.title,
    description: article.summary,
    datePublished: article.publishedOn,
    dateModified: article.updatedOn ?? article.publishedOn,
    author: { "@type": "Person", name: article.author },
    publisher: { "@type": "Organization", name: site.practice.name },
    image: site.absoluteUrl(heroUrl),
    mainEntityOfPage: site.absoluteUrl(`/articles/${article.slug}`),
    keywords: article.tags.map(tagLabel).join(", "),
  };
}

export function ArticlePage({ site, article, related, previous, next, uploaded }: Props) {
  const heroUrl = heroUrlOf(site, article.hero, uploaded);
  const body = renderMarkdown(article.bodyMarkdown);
  return (
    <Layout
      site={site}
      meta={{
        title: article.title,
        description: article.summary,
        canonicalPath: `/articles/${article.slug}`,
        og: { type: "article", image: heroUrl, imageAlt: article.hero.alt },
        jsonLd: blogPosting(site, article, heroUrl),
      }}
    >
      <article class="prose-width" aria-labelledby="article-title">
        <header class="article-header">
          <h1 id="article-title">{article.title}</h1>
          <p class="summary">{article.summary}</p>
          <p class="article-meta">
            <span>{m.by(article.author)}</span>
            <time dateTime={article.publishedOn}>{formatCalendarDate(article.publishedOn)}</time>
            {article.updatedOn && <span>{m.updated(formatCalendarDate(article.updatedOn))}</span>}
            <span>{m.minutesToRead(readingMinutes(article.bodyMarkdown))}</span>
          </p>
          <ul class="tag-list" aria-label={m.topics}>
            {article.tags.map((tag) => (
              <li key={tag}>
                <a class="tag" href={`/articles?tag=${tag}`}>
                  {tagLabel(tag)}
                </a>
              </li>
            ))}
          </ul>
        </header>
        <figure class="article-hero">
          <HeroPicture site={site} hero={article.hero} uploaded={uploaded} />
          <figcaption>{article.hero.credit}</figcaption>
        </figure>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: body.html }} />
        {article.references.length > 0 && (
          <section class="references" aria-labelledby="references-heading">
            <h2 id="references-heading">{m.references}</h2>
            <ol>
              {article.references.map((reference) => (
                <li key={reference.text}>
                  {reference.text}{" "}
                  {reference.doi && <a href={`https://doi.org/${reference.doi}`}>doi:{reference.doi}</a>}
                </li>
              ))}
            </ol>
          </section>
        )}
        <BookingCta />
        {related.length > 0 && (
          <section class="related stack" aria-labelledby="related-heading">
            <h2 id="related-heading">{m.relatedHeading}</h2>
            <ul class="article-list">
              {related.map((item) => (
                <li key={item.slug}>
                  <ArticleTeaser article={item} headingLevel={3} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <nav class="article-nav" aria-label="More articles">
          {previous && (
            <a class="previous" href={`/articles/${previous.slug}`} rel="prev">
              <span class="label">{m.previous}</span>
              {previous.title}
            </a>
          )}
          {next && (
            <a class="next" href={`/articles/${next.slug}`} rel="next">
              <span class="label">{m.next}</span>
              {next.title}
            </a>
          )}
        </nav>
      </article>
    </Layout>
  );
}
