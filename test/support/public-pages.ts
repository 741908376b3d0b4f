import { listArticles } from "../../src/features/articles/article-queries.ts";
import type { Database } from "../../src/platform/db/database.ts";

/** Every HTML page a visitor can reach without signing in, for tests that must cover them all. */
export async function publicHtmlPaths(db: Database): Promise<string[]> {
  const articles = await listArticles(db);
  const tags = [...new Set(articles.flatMap((a) => a.tags))];
  return [
    "/",
    "/articles",
    ...tags.map((tag) => `/articles?tag=${tag}`),
    ...articles.map((a) => `/articles/${a.slug}`),
    "/book",
    "/book?kind=couple",
    "/self-check",
    "/help-now",
    "/help-now?country=US",
    "/privacy",
    "/accessibility",
    "/sign-in",
    "/no-such-page",
  ];
}
