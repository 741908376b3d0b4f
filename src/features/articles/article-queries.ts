import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { articles } from "./article.schema.ts";
import { articleRedirects } from "./article-history.schema.ts";

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

const isPublished = eq(articles.status, "published");

/** Every published article, newest first, without bodies (drafts and scheduled ones are not on the site). */
export async function listArticles(db: Database) {
  return db
    .select(summaryColumns)
    .from(articles)
    .where(isPublished)
    .orderBy(desc(articles.publishedOn), articles.slug);
}

export async function findArticle(db: Database, slug: string) {
  const [row] = await db
    .select({ ...summaryColumns, references: articles.references, bodyMarkdown: articles.bodyMarkdown })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublished));
  return row;
}

/** The address a published article has now, when `oldSlug` was one of its earlier addresses. */
export async function currentSlugFor(db: Database, oldSlug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ slug: articles.slug })
    .from(articleRedirects)
    .innerJoin(articles, eq(articles.id, articleRedirects.articleId))
    .where(and(eq(articleRedirects.oldSlug, oldSlug), isPublished));
  return row?.slug;
}
