import { escapeXml } from "../../platform/web/xml.ts";
import type { ArticleSummary } from "./article-queries.ts";

/** Every public page a search engine should know, with each article's last change. */
export function sitemap(
  absoluteUrl: (path: string) => string,
  staticPaths: string[],
  articles: ArticleSummary[],
): string {
  const urls = [
    ...staticPaths.map((path) => `  <url><loc>${escapeXml(absoluteUrl(path))}</loc></url>`),
    ...articles.map(
      (article) =>
        `  <url><loc>${escapeXml(absoluteUrl(`/articles/${article.slug}`))}</loc><lastmod>${article.updatedOn ?? article.publishedOn}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}
