import { escapeXml } from "../../platform/web/xml.ts";
import type { ArticleSummary } from "./article-queries.ts";

type FeedInput = {
  practiceName: string;
  tagline: string;
  absoluteUrl(path: string): string;
  articles: ArticleSummary[];
};

/** An Atom feed of every article, newest first. Summaries only: the article lives on the site. */
export function atomFeed({ practiceName, tagline, absoluteUrl, articles }: FeedInput): string {
  const updated =
    articles
      .map((a) => a.updatedOn ?? a.publishedOn)
      .sort()
      .at(-1) ?? "2026-01-01";
  const entries = articles.map((article) => {
    const url = absoluteUrl(`/articles/${article.slug}`);
    return `  <entry>
    <title>${escapeXml(article.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <id>${escapeXml(url)}</id>
    <published>${article.publishedOn}T00:00:00Z</published>
    <updated>${article.updatedOn ?? article.publishedOn}T00:00:00Z</updated>
    <author><name>${escapeXml(article.author)}</name></author>
    <summary>${escapeXml(article.summary)}</summary>
${article.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`).join("\n")}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>${escapeXml(practiceName)}</title>
  <subtitle>${escapeXml(tagline)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl("/feed.xml"))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl("/articles"))}"/>
  <id>${escapeXml(absoluteUrl("/"))}</id>
  <updated>${updated}T00:00:00Z</updated>
${entries.join("\n")}
</feed>
`;
}
