import { desc, eq } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { therapists } from "../../accounts/therapist.schema.ts";
import { articles } from "../article.schema.ts";
import { type ArticleSnapshot, articleRevisions } from "../article-history.schema.ts";

/** Every article, whatever its state, for the editor's list. */
export async function listAllArticles(db: Database) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      publishedOn: articles.publishedOn,
      publishAt: articles.publishAt,
    })
    .from(articles)
    .orderBy(desc(articles.publishedOn), articles.slug);
}

export type EditableArticle = {
  id: string;
  status: (typeof articles.$inferSelect)["status"];
  publishAt: Date | null;
  publishedOn: string;
  updatedOn: string | null;
  snapshot: ArticleSnapshot;
};

/** One article as the editor shows it, or undefined. */
export async function findEditableArticle(db: Database, id: string): Promise<EditableArticle | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  if (!row) return undefined;
  const { slug, title, summary, author, tags, hero, references, bodyMarkdown } = row;
  return {
    id: row.id,
    status: row.status,
    publishAt: row.publishAt,
    publishedOn: row.publishedOn,
    updatedOn: row.updatedOn,
    snapshot: { slug, title, summary, author, tags, hero, references, bodyMarkdown },
  };
}

/** An article's kept versions, newest first, with who saved each. */
export async function listRevisions(db: Database, articleId: string) {
  return db
    .select({
      id: articleRevisions.id,
      savedAt: articleRevisions.savedAt,
      savedBy: therapists.displayName,
      snapshot: articleRevisions.snapshot,
    })
    .from(articleRevisions)
    .leftJoin(therapists, eq(therapists.id, articleRevisions.savedBy))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.savedAt))
    .limit(50);
}
