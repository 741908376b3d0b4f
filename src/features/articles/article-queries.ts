import { desc, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { articles } from "./article.schema.ts";

const summaryColumns = {
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  author: articles.author,
  publishedOn: articles.publishedOn,
  updatedOn: articles.updatedOn,
  tags: articles.tags,
  hero: articles.hero,
  isDemo: articles.isDemo,
};

export type ArticleSummary = Awaited<ReturnType<typeof listArticles>>[number];
export type Article = NonNullable<Awaited<ReturnType<typeof findArticle>>>;

/** Every published article, newest first, without bodies. */
export async function listArticles(db: Database) {
  return db.select(summaryColumns).from(articles).orderBy(desc(articles.publishedOn), articles.slug);
}

export async function findArticle(db: Database, slug: string) {
  const [row] = await db
    .select({ ...summaryColumns, references: articles.references, bodyMarkdown: articles.bodyMarkdown })
    .from(articles)
    .where(eq(articles.slug, slug));
  return row;
}
