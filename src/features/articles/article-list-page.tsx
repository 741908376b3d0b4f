import { Layout } from "../../platform/web/layout.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import type { ArticleSummary } from "./article-queries.ts";
import { ArticleTeaser } from "./article-teaser.tsx";
import { BookingCta } from "./booking-cta.tsx";
import { articleMessages as m, tagLabel } from "./messages.ts";

type Props = { site: SiteContext; articles: ArticleSummary[]; tags: string[]; activeTag: string | undefined };

export function ArticleListPage({ site, articles, tags, activeTag }: Props) {
  const title = activeTag ? m.filteredBy(tagLabel(activeTag)) : m.listTitle;
  const shown = activeTag ? articles.filter((a) => a.tags.includes(activeTag)) : articles;
  return (
    <Layout
      site={site}
      meta={{
        title,
        description: m.listIntro,
        canonicalPath: activeTag ? `/articles?tag=${activeTag}` : "/articles",
      }}
    >
      <div class="container section stack">
        <h1>{title}</h1>
        <p class="muted">{m.listIntro}</p>
        <nav aria-label={m.topics}>
          <ul class="tag-list">
            <li>
              <a href="/articles" aria-current={activeTag ? undefined : "page"}>
                {m.allTopics}
              </a>
            </li>
            {tags.map((tag) => (
              <li key={tag}>
                <a href={`/articles?tag=${tag}`} aria-current={tag === activeTag ? "page" : undefined}>
                  {tagLabel(tag)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {shown.length === 0 ? (
          <p>{m.noArticles}</p>
        ) : (
          <ul class="article-list grid">
            {shown.map((article) => (
              <li key={article.slug}>
                <ArticleTeaser article={article} />
              </li>
            ))}
          </ul>
        )}
        <BookingCta />
      </div>
    </Layout>
  );
}
